/** The error pages' bean: when a failure happened, so that administrators find it in the logs. */
package org.interlink.error.view;
