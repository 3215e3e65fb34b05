package org.whistle.intake.raising;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives whistles raised before V14 their {@code phone_lookup}, so a search by phone finds them too: at start-up, on a
 * thread of its own, 200 rows at a time in whistle-id order (a row whose number cannot be read — the key was changed —
 * is passed over, not retried forever). Idempotent: replicas starting together write the same hash.
 */
@Component
public class PhoneLookupBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PhoneLookupBackfill.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final PhoneCipher phones;

    PhoneLookupBackfill(JdbcClient jdbc, PhoneCipher phones) {
        this.jdbc = jdbc;
        this.phones = phones;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread.ofVirtual().name("phone-lookup-backfill").start(this::backfill);
    }

    /** Fills every missing look-up hash; answers how many were written. */
    public int backfill() {
        int written = 0;
        UUID after = new UUID(0, 0); // the smallest in PostgreSQL's byte order
        try {
            while (true) {
                record Row(UUID id, byte[] cipher) {}
                var rows = jdbc.sql("""
                                SELECT whistle_id, phone_cipher FROM whistle
                                WHERE phone_cipher IS NOT NULL AND phone_lookup IS NULL AND whistle_id > :after
                                ORDER BY whistle_id
                                LIMIT :batch""")
                        .param("after", after)
                        .param("batch", BATCH)
                        .query((rs, n) -> new Row(rs.getObject("whistle_id", UUID.class), rs.getBytes("phone_cipher")))
                        .list();
                for (var row : rows) {
                    try {
                        written += jdbc.sql("UPDATE whistle SET phone_lookup = :lookup"
                                        + " WHERE whistle_id = :id AND phone_lookup IS NULL")
                                .param("lookup", phones.lookup(phones.decrypt(row.cipher())))
                                .param("id", row.id())
                                .update();
                    } catch (IllegalStateException e) {
                        log.warn(
                                "whistle {}: its phone cannot be read, so a search by phone will not find it",
                                row.id());
                    }
                }
                if (rows.size() < BATCH) {
                    break;
                }
                after = rows.getLast().id();
            }
        } catch (RuntimeException e) {
            log.warn(
                    "filling the phone look-up hashes stopped; whistles raised before V14 may not be found by phone",
                    e);
        }
        if (written > 0) {
            log.info("phone look-up hashes written for {} earlier whistles", written);
        }
        return written;
    }
}
