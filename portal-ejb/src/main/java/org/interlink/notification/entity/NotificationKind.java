package org.interlink.notification.entity;

/** Why someone is notified; each user may turn the e-mail of each kind off (the inbox keeps them all). */
public enum NotificationKind {
    VETTING_WAITING("An item is waiting for your vetting"), ITEM_RETURNED("Your item was returned to you"), ITEM_PUBLISHED(
            "Your item was published"), RECOMMENDATION_ADDRESSED(
                    "A recommendation is addressed to your agency"), RECOMMENDATION_FOLLOWED_UP(
                            "Your agency's recommendation was answered"), ACTION_ASSIGNED(
                                    "An action item is assigned to your agency"), ACTION_OVERDUE(
                                            "An action item of your agency is overdue"), CONSENT_REQUESTED(
                                                    "Another agency asks to pass on an item of yours"), CONSENT_DECIDED(
                                                            "Your request to pass on an item was answered"), AGREEMENT_ENDING(
                                                                    "A data-sharing agreement of your agency ends soon");

    private final String headline;

    NotificationKind(String headline) {
        this.headline = headline;
    }

    /** One line that says what happened, without the item's title (e-mail subjects leave the portal). */
    public String headline() {
        return headline;
    }
}
