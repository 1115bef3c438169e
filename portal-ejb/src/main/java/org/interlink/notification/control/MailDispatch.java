package org.interlink.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Hands new notifications to the mail sender once their change is committed (a rolled-back change sends nothing). */
@ApplicationScoped
public class MailDispatch {

    @Inject
    MailSender sender;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCreated created) {
        sender.send(created.ids());
    }
}
