/**
 * Notifications: who must hear of a change to an item (a vetting waiting, an item returned or
 * published, a recommendation addressed to their agency or answered, an action item assigned or
 * overdue), in an in-app inbox and by e-mail. Recipients are the people of the directory (filled at
 * sign-in) whom the visibility gate lets read the item; the inbox is read through the gate again.
 */
package org.interlink.notification;
