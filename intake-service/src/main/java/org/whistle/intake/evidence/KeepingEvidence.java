package org.whistle.intake.evidence;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventIds;
import org.whistle.events.EvidenceRef;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Keeps the photos and videos sent with a whistle: every file is recognised, held to its limit and stripped of
 * location metadata before any is stored, so one bad file means nothing is kept. Files are stored under fresh
 * server-generated keys and recorded in the caller's transaction (or one of their own); when storing fails midway,
 * or that transaction rolls back, the files already written are removed again.
 *
 * <p>What stripping covers, by format: JPEG ({@link JpegMetadata}), PNG ({@link PngMetadata}) and WebP
 * ({@link WebpMetadata}) lose every metadata segment or chunk that can hold a location; MP4 ({@link Mp4Metadata})
 * loses its user-data, metadata and XMP boxes but not timed-metadata tracks, and says so per file. HEIC/HEIF is kept
 * exactly as sent: its Exif is an item located through {@code iinf}/{@code iloc}, and rewriting those offsets safely
 * is not done yet. Media recorded with {@code location_stripped = false} must be shown only to the reporter and staff.
 */
@Service
public class KeepingEvidence {

    static final Phrase NOT_ACCEPTED = Phrase.of("intake.refusal.evidence.notAccepted");

    private static final Logger log = LoggerFactory.getLogger(KeepingEvidence.class);
    private static final HexFormat HEX = HexFormat.of();

    private final MediaStore store;
    private final EvidenceProperties limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KeepingEvidence(
            MediaStore store,
            EvidenceProperties limits,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.limits = limits;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Keeps all the files or none. Problems name the file as {@code evidence[i]}; {@code evidence} itself when there
     * are too many or they are too large together.
     *
     * @throws InvalidInputException when any file is not accepted
     * @throws UncheckedIOException when the files cannot be read or the store cannot take them
     */
    public List<EvidenceRef> keep(List<Upload> uploads, String uploadedBy) {
        if (uploads.isEmpty()) {
            return List.of();
        }
        if (uploads.size() > limits.maxFiles()) {
            throw InvalidInputException.of(
                    "evidence",
                    Phrase.of("intake.refusal.evidence.tooMany", "count", uploads.size(), "max", limits.maxFiles()));
        }
        var prepared = new ArrayList<Prepared>();
        try {
            var violations = new ArrayList<Violation>();
            for (int i = 0; i < uploads.size(); i++) {
                var field = "evidence[" + i + "]";
                try {
                    prepared.add(prepare(uploads.get(i)));
                } catch (Rejected e) {
                    violations.add(new Violation(field, e.reason));
                }
            }
            long total = uploads.stream().mapToLong(Upload::size).sum();
            if (total > limits.maxTotalSize().toBytes()) {
                violations.add(new Violation(
                        "evidence",
                        Phrase.of(
                                "intake.refusal.evidence.tooLargeInAll",
                                "size",
                                readable(total),
                                "max",
                                readable(limits.maxTotalSize().toBytes()))));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            var rows = storeAll(prepared, uploadedBy);
            return Objects.requireNonNull(transactions.execute(status -> record(rows)));
        } finally {
            prepared.forEach(Prepared::discard);
        }
    }

    /** The kept file and what is known about it, or empty when no evidence has that id or its bytes are gone. */
    public Optional<StoredMedia> open(String mediaId) {
        UUID id;
        try {
            id = UUID.fromString(mediaId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var row = jdbc.sql("""
                        SELECT media_id, whistle_id, content_type, kind, size_bytes, sha256, storage_key, original_name,
                               location_stripped, uploaded_by
                        FROM evidence WHERE media_id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getObject("media_id", UUID.class).toString(),
                        rs.getString("whistle_id"),
                        rs.getString("content_type"),
                        MediaKind.valueOf(rs.getString("kind")),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("storage_key"),
                        rs.getString("original_name"),
                        rs.getBoolean("location_stripped"),
                        rs.getString("uploaded_by")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        try {
            var content = store.open(r.storageKey());
            if (content.isEmpty()) {
                log.error("Evidence {} is recorded but its bytes are missing at {}", r.mediaId(), r.storageKey());
            }
            return content.map(in -> new StoredMedia(
                    r.mediaId(),
                    r.contentType(),
                    r.kind(),
                    r.size(),
                    r.sha256(),
                    r.originalName(),
                    r.locationStripped(),
                    r.uploadedBy(),
                    r.whistleId(),
                    in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence " + r.mediaId(), e);
        }
    }

    private Prepared prepare(Upload upload) throws Rejected {
        if (upload.size() <= 0) {
            throw new Rejected(Phrase.of("intake.refusal.evidence.empty"));
        }
        try (var in = upload.content().open()) {
            var head = in.readNBytes(ContentSniffing.HEAD_LENGTH);
            if (head.length == 0) {
                throw new Rejected(Phrase.of("intake.refusal.evidence.empty"));
            }
            var format = ContentSniffing.sniff(head).orElseThrow(() -> new Rejected(NOT_ACCEPTED));
            long limit = limits.maxSize(format.kind());
            if (upload.size() > limit) {
                throw tooLarge(format, upload.size(), limit);
            }
            var whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
            var name = OriginalNames.sanitise(upload.originalName());
            return switch (format.kind()) {
                case PHOTO -> photo(format, whole, limit, name);
                case VIDEO -> video(format, whole, limit, name);
            };
        } catch (DamagedMediaException e) {
            // What exactly is broken ("ends inside a box header") tells the reporter nothing: it goes to the log.
            log.info("refused a damaged upload: it {}", e.getMessage());
            throw new Rejected(Phrase.of("intake.refusal.evidence.damaged"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }

    private Prepared photo(MediaFormat format, InputStream in, long limit, @Nullable String name)
            throws IOException, DamagedMediaException, Rejected {
        var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(format, bytes.length, limit);
        }
        var stripped = switch (format) {
            case JPEG -> JpegMetadata.strip(bytes);
            case PNG -> PngMetadata.strip(bytes);
            case WEBP -> WebpMetadata.strip(bytes);
            default -> bytes; // HEIC/HEIF: kept as sent, see the class comment
        };
        boolean locationStripped = !format.isHeif();
        return new Prepared(format, name, stripped.length, sha256(stripped), locationStripped, stripped, null);
    }

    private Prepared video(MediaFormat format, InputStream in, long limit, @Nullable String name)
            throws IOException, DamagedMediaException, Rejected {
        var temporary = Files.createTempFile("whistle-evidence-", "." + format.extension());
        try {
            var digest = digest();
            Mp4Metadata.Result result;
            try (var out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)), digest)) {
                result = Mp4Metadata.strip(new LimitedInputStream(in, limit), out);
            } catch (LimitedInputStream.OverLimit e) {
                throw tooLarge(format, limit + 1, limit);
            }
            return new Prepared(
                    format,
                    name,
                    result.size(),
                    HEX.formatHex(digest.digest()),
                    result.locationStripped(),
                    null,
                    temporary);
        } catch (IOException | DamagedMediaException | Rejected | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Stores every prepared file; if one fails, removes those already stored before giving up. */
    private List<Row> storeAll(List<Prepared> prepared, String uploadedBy) {
        var rows = new ArrayList<Row>();
        try {
            for (var file : prepared) {
                var mediaId = EventIds.next().toString();
                var key = storageKey(mediaId, file.format());
                try (var in = file.open()) {
                    store.put(key, in, file.size(), file.format().contentType(), file.sha256());
                }
                rows.add(new Row(
                        mediaId,
                        null,
                        file.format().contentType(),
                        file.format().kind(),
                        file.size(),
                        file.sha256(),
                        key,
                        file.originalName(),
                        file.locationStripped(),
                        uploadedBy));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            remove(rows);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot store evidence", io);
            }
            throw (RuntimeException) e;
        }
    }

    private List<EvidenceRef> record(List<Row> rows) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    remove(rows);
                }
            }
        });
        var createdAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var row : rows) {
            jdbc.sql("""
                            INSERT INTO evidence (media_id, whistle_id, content_type, kind, size_bytes, sha256,
                                                  storage_key, original_name, location_stripped, uploaded_by, created_at)
                            VALUES (:mediaId, NULL, :contentType, :kind, :size, :sha256,
                                    :storageKey, :originalName, :locationStripped, :uploadedBy, :createdAt)""")
                    .param("mediaId", UUID.fromString(row.mediaId()))
                    .param("contentType", row.contentType())
                    .param("kind", row.kind().name())
                    .param("size", row.size())
                    .param("sha256", row.sha256())
                    .param("storageKey", row.storageKey())
                    .param("originalName", row.originalName())
                    .param("locationStripped", row.locationStripped())
                    .param("uploadedBy", row.uploadedBy())
                    .param("createdAt", createdAt)
                    .update();
        }
        return rows.stream()
                .map(r -> new EvidenceRef(r.mediaId(), r.contentType(), r.sha256()))
                .toList();
    }

    private void remove(List<Row> rows) {
        for (var row : rows) {
            try {
                store.delete(row.storageKey());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove evidence {} at {}; it is orphaned", row.mediaId(), row.storageKey(), e);
            }
        }
    }

    /**
     * Two shard levels from the random tail of the UUIDv7 (its head is the clock and would pile a day's uploads into
     * one folder), then the id and the format's suffix. Nothing of the client's file name goes into it.
     */
    static String storageKey(String mediaId, MediaFormat format) {
        var hex = mediaId.replace("-", "");
        return hex.substring(30, 32) + "/" + hex.substring(28, 30) + "/" + mediaId + "." + format.extension();
    }

    private static Rejected tooLarge(MediaFormat format, long size, long limit) {
        var key = format.kind() == MediaKind.PHOTO
                ? "intake.refusal.evidence.photoTooLarge"
                : "intake.refusal.evidence.videoTooLarge";
        // A stream cut off just past the limit has no known size: "over" the limit is all that can be said.
        return new Rejected(
                size > limit + 1
                        ? Phrase.of(key, "size", readable(size), "max", readable(limit))
                        : Phrase.of(key + ".over", "max", readable(limit)));
    }

    /** Sizes as people read them, in the binary units the properties use. */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mib = bytes / (1024.0 * 1024.0);
            return (mib == Math.rint(mib) ? String.valueOf((long) mib) : String.format(Locale.ROOT, "%.1f", mib))
                    + " MiB";
        }
        return bytes >= 1024 ? (bytes + 1023) / 1024 + " KiB" : bytes + " B";
    }

    static String sha256(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that is not accepted, and why, by catalogue key; the message is the Chinese wording. */
    private static final class Rejected extends Exception {

        private final transient Phrase reason;

        Rejected(Phrase reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }
    }

    /** A checked file ready to store: its stripped bytes in memory (photos) or in a temporary file (videos). */
    private record Prepared(
            MediaFormat format,
            @Nullable String originalName,
            long size,
            String sha256,
            boolean locationStripped,
            byte @Nullable [] bytes,
            @Nullable Path file) {

        InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(Objects.requireNonNull(file));
        }

        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not remove temporary evidence file {}", file, e);
                }
            }
        }
    }

    private record Row(
            String mediaId,
            @Nullable String whistleId,
            String contentType,
            MediaKind kind,
            long size,
            String sha256,
            String storageKey,
            @Nullable String originalName,
            boolean locationStripped,
            String uploadedBy) {}
}
