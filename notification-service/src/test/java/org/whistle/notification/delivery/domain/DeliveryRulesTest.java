package org.whistle.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;
import org.whistle.notification.webhooks.domain.WebhookSignature;
import org.whistle.security.personaldata.PersonalData;

/** Plain rules: quiet rules, masking, the webhook signature. */
class DeliveryRulesTest {

    private final QuietRules quiet = new QuietRules(3, Duration.ofHours(1));
    private final Addressee reporter = Addressee.reporter(Recipient.user("resident-1"));

    @Test
    void limitsRoutineReporterMessagesButNotUrgentOnesNorUnits() {
        assertThat(quiet.sendsNow(UrgencyClass.ROUTINE, reporter, ChannelKind.INBOX, 2))
                .isTrue();
        assertThat(quiet.sendsNow(UrgencyClass.ROUTINE, reporter, ChannelKind.INBOX, 3))
                .isFalse();
        assertThat(quiet.sendsNow(UrgencyClass.URGENT, reporter, ChannelKind.INBOX, 30))
                .isTrue();
        assertThat(quiet.sendsNow(UrgencyClass.ROUTINE, Addressee.of(Recipient.unit("DEP")), ChannelKind.INBOX, 30))
                .isTrue();
    }

    @Test
    void neverHoldsBackALivePagesUpdateToTheReporter() {
        assertThat(quiet.sendsNow(UrgencyClass.ROUTINE, reporter, ChannelKind.SSE, 30))
                .isTrue();
    }

    @Test
    void masksPhonesAndNamesAsEveryServiceDoes() {
        assertThat(PersonalData.phonesIn("call 13812345678 or +8613912345678"))
                .isEqualTo("call 138****5678 or 139****5678");
        assertThat(PersonalData.name("张三丰")).isEqualTo("张*丰");
    }

    @Test
    void verifiesOnlyFreshTimestampsWithTheRightSecret() {
        var now = java.time.Instant.ofEpochSecond(1_700_000_000L);
        var signature = WebhookSignature.sign("secret-0123456789", now.getEpochSecond(), "{}");
        assertThat(WebhookSignature.verify("secret-0123456789", "1700000000", signature, "{}", now))
                .isTrue();
        assertThat(WebhookSignature.verify("another-secret-000", "1700000000", signature, "{}", now))
                .isFalse();
        assertThat(WebhookSignature.verify("secret-0123456789", "1700000000", signature, "{}", now.plusSeconds(301)))
                .isFalse();
    }

    @Test
    void addressesRecipientsByKind() {
        assertThat(Recipient.parse("unit:CC-S1")).isEqualTo(Recipient.unit("CC-S1"));
        assertThat(Recipient.reporter("w").reachableBy(org.whistle.notification.rules.domain.ChannelKind.INBOX))
                .isFalse();
    }
}
