package org.interlink.notification.control;

import java.util.List;

/** Notifications whose e-mail is to be sent once the change that made them is committed. */
public record NotificationsCreated(List<Long> ids) {
}
