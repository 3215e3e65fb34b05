package org.whistle.notification.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.security.personaldata.PersonalData;

/** Tells administrators that something needs them: an item in the inbox of {@code role:ADMINISTRATOR} and a log line. */
@Component
public class AdminAlerts {

    public static final String ADMINISTRATORS = "role:ADMINISTRATOR";
    private static final Logger LOG = LoggerFactory.getLogger(AdminAlerts.class);

    private final Inbox inbox;

    AdminAlerts(Inbox inbox) {
        this.inbox = inbox;
    }

    public void alert(String kind, String title, String body) {
        LOG.warn("ADMIN ALERT {}: {} — {}", kind, title, PersonalData.phonesIn(body));
        inbox.put(ADMINISTRATORS, null, null, kind, title, body, false, "URGENT");
    }
}
