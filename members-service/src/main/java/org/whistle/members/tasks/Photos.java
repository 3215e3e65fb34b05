package org.whistle.members.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * Photos members take on site (check-in, evidence): JPEG or PNG, at most 3 MiB (as a multipart file, or base64 in a
 * JSON body where the gateway's 64 KB limit for JSON allows), recognised by their first bytes rather
 * than by what the client claims; kept with the task and member they belong to.
 */
@Repository
public class Photos {

    /** Decoded size limit, as the table's check. */
    public static final int MAX_BYTES = 3 * 1024 * 1024;

    /** A stored photo. */
    public record Photo(UUID id, UUID taskId, UUID memberId, String contentType, byte[] bytes) {}

    private final JdbcClient jdbc;

    Photos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a photo sent as a file (a multipart part); null when none was sent. */
    public @Nullable UUID store(String field, byte @Nullable [] bytes, UUID task, UUID member, Instant at) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of(field, Phrase.of("members.refusal.photoTooLarge"));
        }
        var type = typeOf(bytes);
        if (type == null) {
            throw InvalidInputException.of(field, Phrase.of("members.refusal.photoFormat"));
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO photo (id, task_id, member_id, content_type, bytes, taken_at)
                        VALUES (:id, :task, :member, :type, :bytes, :at)""")
                .param("id", id)
                .param("task", task)
                .param("member", member)
                .param("type", type)
                .param("bytes", bytes)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    public Optional<Photo> byId(UUID id) {
        return jdbc.sql("SELECT id, task_id, member_id, content_type, bytes FROM photo WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Photo(
                        rs.getObject("id", UUID.class),
                        rs.getObject("task_id", UUID.class),
                        rs.getObject("member_id", UUID.class),
                        rs.getString("content_type"),
                        rs.getBytes("bytes")))
                .optional();
    }

    private static @Nullable String typeOf(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        return null;
    }
}
