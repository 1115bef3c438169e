/** The caller's notifications page and their e-mail settings. */
package org.interlink.notification.view;
