/** The recommendation form. */
package org.interlink.recommendation.view;
