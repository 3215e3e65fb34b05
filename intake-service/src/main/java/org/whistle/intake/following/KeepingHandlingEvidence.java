package org.whistle.intake.following;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.EvidenceRef;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.Upload;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Photos and videos of the handling (progress, the result), kept in the whistle's media store like the reporter's
 * own, so the references a unit sends to dispatch point at files the reporter can later open on their page. Only
 * handling units and dispatchers whose scope covers the whistle may add them; dispatch decides whether the unit may
 * report on the ticket at all.
 */
@Service
public class KeepingHandlingEvidence {

    /** Who handles or verifies a ticket on the ground. */
    static final Set<Role> HANDLERS = EnumSet.of(
            Role.DEPARTMENT_OFFICER,
            Role.DEPARTMENT_LEADER,
            Role.PROPERTY_STAFF,
            Role.COMMUNITY_STAFF,
            Role.STREET_DISPATCHER,
            Role.DISTRICT_DISPATCHER,
            Role.CITY_DISPATCHER);

    private final FollowingWhistles following;
    private final KeepingEvidence evidence;
    private final JdbcClient jdbc;

    KeepingHandlingEvidence(FollowingWhistles following, KeepingEvidence evidence, JdbcClient jdbc) {
        this.following = following;
        this.evidence = evidence;
        this.jdbc = jdbc;
    }

    /**
     * Keeps the files for the whistle and answers their references, in the order sent.
     *
     * @throws org.whistle.problems.NotFoundException when the caller may not see the whistle
     * @throws AccessRefusedException when the caller sees it but neither handles nor dispatches
     */
    @Transactional
    public List<EvidenceRef> keep(UUID whistleId, List<Upload> uploads, @Nullable Caller caller) {
        var seen = switch (following.access(whistleId, caller, null, null)) {
            case FollowingWhistles.Seen visible -> visible;
            case FollowingWhistles.Refused refused -> throw new NotFoundException("whistle", whistleId.toString());
        };
        if (caller == null || seen.viewer() != FollowingWhistles.Viewer.STAFF || !caller.hasAny(HANDLERS)) {
            throw new AccessRefusedException(Phrase.of("intake.refusal.evidence.handlersOnly"));
        }
        if (uploads.isEmpty()) {
            throw InvalidInputException.of("evidence", Phrase.of("intake.refusal.evidence.noFile"));
        }
        var refs = evidence.keep(uploads, "user:" + caller.subject());
        for (var ref : refs) {
            jdbc.sql("UPDATE evidence SET whistle_id = :whistle WHERE media_id = :media")
                    .param("whistle", whistleId.toString())
                    .param("media", UUID.fromString(ref.mediaId()))
                    .update();
        }
        return refs;
    }
}
