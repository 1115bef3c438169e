package org.interlink.notification.entity;

/** What became of a notification's e-mail. */
public enum MailStatus {
    /** The portal has no mail server configured: the inbox alone tells. */
    NOT_CONFIGURED,
    /** To be sent once the change is committed. */
    PENDING, SENT,
    /** The recipient turned e-mail of this kind off. */
    OPTED_OUT,
    /** The directory knows no e-mail address of the recipient. */
    NO_ADDRESS,
    /** The mail server refused it or could not be reached (logged). */
    FAILED
}
