package org.whistle.intake.following.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.intake.raising.domain.PublicStatus;

class FeedbackPolicyTest {

    @Test
    void allowsFeedbackOnlyOnceAResolutionIsReportedAndNotYetRated() {
        assertThat(FeedbackPolicy.check(PublicStatus.IN_PROGRESS, null, 0, false))
                .isInstanceOf(FeedbackPolicy.Rejected.class);
        assertThat(FeedbackPolicy.check(PublicStatus.RESOLVED, null, 1, false))
                .isEqualTo(new FeedbackPolicy.Allowed(1));
        assertThat(FeedbackPolicy.check(PublicStatus.VERIFIED, null, 1, true))
                .isInstanceOf(FeedbackPolicy.Rejected.class);
        assertThat(FeedbackPolicy.check(PublicStatus.CLOSED, "NO_ANSWER", 1, false))
                .isEqualTo(new FeedbackPolicy.Allowed(1));
        assertThat(FeedbackPolicy.check(PublicStatus.REJECTED, "REJECTED", 0, false))
                .isInstanceOf(FeedbackPolicy.Rejected.class);
    }

    @Test
    void startsANewResolutionOnlyWhenTheWhistleBecomesResolvedAgain() {
        assertThat(FeedbackPolicy.startsNewResolution(PublicStatus.IN_PROGRESS, PublicStatus.RESOLVED))
                .isTrue();
        assertThat(FeedbackPolicy.startsNewResolution(PublicStatus.RESOLVED, PublicStatus.VERIFIED))
                .isFalse();
        assertThat(FeedbackPolicy.startsNewResolution(PublicStatus.CLOSED, PublicStatus.RESOLVED))
                .isTrue();
    }
}
