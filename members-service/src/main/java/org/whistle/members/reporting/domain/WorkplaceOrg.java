package org.whistle.members.reporting.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workplace party organisation reporting as a whole (整建制报到) to a compound or community. Its contact (an account)
 * sees its members' report-in and participation figures, never their addresses; it may send a first secretary.
 */
public record WorkplaceOrg(
        String id,
        String name,
        String reportsTo,
        String contactSubject,
        String contactName,
        String contactPhone,
        @Nullable String firstSecretary,
        Instant reportedAt) {}
