package org.interlink.notification.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.notification.entity.MailStatus;
import org.interlink.notification.entity.Notification;
import org.interlink.notification.entity.Recipient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the e-mail of notifications, off the request that made them, through Jakarta Mail. An
 * e-mail says what kind of thing happened and links to the item; it never carries the item's title
 * or content, which leave the portal's protection in an e-mail. It respects the recipient's
 * opt-out per kind and records what became of each e-mail on its notification.
 */
@Stateless
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Asynchronous
    public void send(List<Long> ids) {
        ids.forEach(this::sendOne);
    }

    private void sendOne(Long id) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || notification.getMail() != MailStatus.PENDING) {
            return;
        }
        Optional<Recipient> recipient = Optional.ofNullable(em.find(Recipient.class, notification.getRecipient().value()));
        if (recipient.isEmpty() || recipient.get().getEmail().isEmpty()) {
            notification.mailed(MailStatus.NO_ADDRESS);
        } else if (!recipient.get().wantsMail(notification.getKind())) {
            notification.mailed(MailStatus.OPTED_OUT);
        } else {
            notification.mailed(deliver(notification, recipient.get()));
        }
    }

    private MailStatus deliver(Notification notification, Recipient recipient) {
        try {
            Session session = Session.getInstance(settings.properties(),
                    settings.username().map(user -> (Authenticator) new Authenticator() {
                        @Override
                        protected PasswordAuthentication getPasswordAuthentication() {
                            return new PasswordAuthentication(user, settings.password());
                        }
                    }).orElse(null));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.getEmail().orElseThrow()));
            message.setSubject("Interlink: " + notification.getKind().headline(), StandardCharsets.UTF_8.name());
            message.setText(body(notification, recipient), StandardCharsets.UTF_8.name());
            Transport.send(message);
            return MailStatus.SENT;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "e-mail of notification " + notification.getId() + " not sent", e);
            return MailStatus.FAILED;
        }
    }

    private String body(Notification notification, Recipient recipient) {
        String portal = settings.portalUrl();
        String about = notification.getItem() != null
                ? "item " + notification.getItem().getId()
                : "agreement " + notification.getAgreement().getId();
        String link = notification.getItem() != null
                ? "/item.xhtml?id=" + notification.getItem().getId()
                : "/agency/agreements.xhtml?id=" + notification.getAgreement().getId();
        return "Hello " + recipient.getDisplayName() + ",\n\n"
                + notification.getKind().headline() + " (" + about + ", acting for " + notification.getAgency().getName() + ").\n\n"
                + "Open it in Interlink: " + portal + link + "\n\n"
                + "For the protection of shared information this e-mail carries no title or content: sign in to read them.\n"
                + "Your notifications and e-mail settings: " + portal + "/notifications.xhtml\n";
    }
}
