package org.whistle.orgregistry.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start against a database, publishes every reference entity once, so the compacted topics hold the
 * whole truth even for data that was loaded before any change was published. The marker row makes it once per
 * database; its insert races safely between replicas (the loser's transaction publishes nothing).
 */
@Component
@Order(0)
class FirstStartSnapshot implements ApplicationRunner {

    static final String MARKER = "reference-snapshot";
    private static final Logger log = LoggerFactory.getLogger(FirstStartSnapshot.class);

    private final List<ReferenceSource> sources;
    private final ReferencePublisher publisher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FirstStartSnapshot(
            List<ReferenceSource> sources,
            ReferencePublisher publisher,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.sources = sources;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var published = transactions.execute(status -> {
            var claimed = jdbc.sql(
                            "INSERT INTO publication_marker (name, published_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(MARKER, Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return -1;
            }
            var count = new int[1];
            sources.forEach(source -> source.currentState((state, revision) -> {
                publisher.publish(state, revision);
                count[0]++;
            }));
            return count[0];
        });
        if (published != null && published >= 0) {
            log.info("Published the reference snapshot: {} entities", published);
        }
    }
}
