package org.whistle.intake.memberphotos;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.StoredMedia;
import org.whistle.intake.evidence.Upload;
import org.whistle.problems.InvalidInputException;

/**
 * The members' photos that answered a whistle, shown like the units' own result photos. The whistle's result (or a
 * timeline entry) names the photo as {@code members-photo:<id>} with the SHA-256 of its bytes; the first time someone
 * who may see the whistle opens it, intake reads it from members-service, checks it is those very bytes, strips its
 * location like any photo it keeps, and keeps the copy beside the whistle's other evidence ({@code copied_from}).
 * Every later read is served from that copy, so members-service is asked once per photo, not per page view; copies
 * are made under a lock per photo, so two viewers at once (or two replicas) make one.
 */
@Service
@EnableConfigurationProperties(MembersPhotosProperties.class)
public class MembersResultPhotos {

    /** The prefix of the members' photo references in events and on whistles. */
    public static final String PREFIX = "members-photo:";

    private static final Logger log = LoggerFactory.getLogger(MembersResultPhotos.class);

    private final MembersPhotosClient members;
    private final KeepingEvidence evidence;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    MembersResultPhotos(
            MembersPhotosClient members,
            KeepingEvidence evidence,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.members = members;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public static boolean isMembersPhoto(String mediaId) {
        return mediaId.startsWith(PREFIX);
    }

    /**
     * The kept copy of a members' photo the whistle names, made on first read; empty when the whistle names no such
     * photo, members-service has none, or its bytes are not those the reference was made for.
     *
     * @throws MembersPhotosUnavailable when the copy is still to be made and members-service cannot answer now
     */
    public Optional<StoredMedia> open(UUID whistleId, String mediaId) {
        UUID photoId;
        try {
            photoId = UUID.fromString(mediaId.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var named = namedSha256(whistleId, mediaId);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        var kept = copy(whistleId, mediaId);
        if (kept.isEmpty()) {
            if (!members.configured()) {
                return Optional.empty();
            }
            kept = transactions.execute(status -> {
                // one copy per photo, whoever asks first; the others wait here and then find it
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:ref))")
                        .param("ref", mediaId)
                        .query((rs, n) -> 1)
                        .list();
                var again = copy(whistleId, mediaId);
                return again.isPresent() ? again : fetchAndKeep(whistleId, photoId, mediaId, named.get());
            });
        }
        return kept == null ? Optional.empty() : kept.flatMap(evidence::open);
    }

    /** The SHA-256 the whistle's result or timeline gives for the reference; empty when it names no such photo. */
    private Optional<String> namedSha256(UUID whistleId, String mediaId) {
        return jdbc.sql("""
                        SELECT ref ->> 'sha256' FROM (
                            SELECT jsonb_array_elements(result_evidence) AS ref FROM whistle WHERE whistle_id = :w
                            UNION ALL
                            SELECT jsonb_array_elements(evidence) FROM whistle_timeline WHERE whistle_id = :w) named
                        WHERE ref ->> 'mediaId' = :media
                        LIMIT 1""")
                .param("w", whistleId)
                .param("media", mediaId)
                .query(String.class)
                .optional();
    }

    private Optional<String> copy(UUID whistleId, String mediaId) {
        return jdbc.sql("SELECT media_id::text FROM evidence WHERE whistle_id = :w AND copied_from = :ref")
                .param("w", whistleId.toString())
                .param("ref", mediaId)
                .query(String.class)
                .optional();
    }

    private Optional<String> fetchAndKeep(UUID whistleId, UUID photoId, String mediaId, String sha256) {
        var bytes = members.photo(whistleId, photoId);
        if (bytes.isEmpty()) {
            log.warn("members-service has no result photo {} for whistle {}", photoId, whistleId);
            return Optional.empty();
        }
        if (!sha256(bytes.get()).equalsIgnoreCase(sha256)) {
            // not the bytes the approval named: show nothing rather than something else
            log.warn("members-service's photo {} does not match the SHA-256 whistle {} names", photoId, whistleId);
            return Optional.empty();
        }
        List<org.whistle.events.EvidenceRef> refs;
        try {
            refs = evidence.keep(List.of(Upload.of(null, bytes.get())), "system:members-service");
        } catch (InvalidInputException e) {
            log.warn("members-service's photo {} is not a photo intake keeps: {}", photoId, e.getMessage());
            return Optional.empty();
        }
        var copied = refs.getFirst().mediaId();
        jdbc.sql("UPDATE evidence SET whistle_id = :w, copied_from = :ref WHERE media_id = :media")
                .param("w", whistleId.toString())
                .param("ref", mediaId)
                .param("media", UUID.fromString(copied))
                .update();
        return Optional.of(copied);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
