package org.whistle.notification.textmessages;

import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a phone reporter can be reached. The number never travels on the bus; intake holds it encrypted and answers
 * services holding a client-credentials token.
 */
public interface ReporterContacts {

    /**
     * A reporter's contact; {@code wechatOpenId} only when the whistle came through the WeChat page. The tracking code
     * goes only into the text sent to this contact, never into anything this service keeps.
     */
    record Contact(
            @Nullable String phone,
            @Nullable String wechatOpenId,
            @Nullable String trackingCode) {}

    /**
     * @throws org.whistle.notification.delivery.Undeliverable when intake has no contact or refuses to tell
     * @throws IOException when intake cannot be asked now; another attempt may succeed
     */
    Contact contactOf(UUID whistleId) throws IOException, InterruptedException;
}
