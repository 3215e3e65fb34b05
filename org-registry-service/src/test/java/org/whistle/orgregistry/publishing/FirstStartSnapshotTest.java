package org.whistle.orgregistry.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.events.EventCodec;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Topics;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TopicReader;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class FirstStartSnapshotTest {

    @Autowired
    FirstStartSnapshot snapshot;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesDataThatNeverWentThroughAChangeOnceOnTheFirstStartOnly() {
        // Rows written behind the service's back, as a database restored from a backup would hold them.
        jdbc.sql("""
                        INSERT INTO org_node (code, kind, name, parent_code, path, valid_from, revision, updated_at)
                        VALUES ('990100', 'CITY', '快照市', NULL, '/990100/', DATE '2024-01-01', 7, now())
                        ON CONFLICT DO NOTHING
                        """).update();
        jdbc.sql("DELETE FROM publication_marker").update();

        snapshot.run(new DefaultApplicationArguments());
        snapshot.run(new DefaultApplicationArguments());

        var copies = TopicReader.readUntil(
                        Topics.ORG_UNITS,
                        records -> records.stream().anyMatch(r -> "990100".equals(r.key())),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> "990100".equals(r.key()))
                .map(r -> EventCodec.instance().decode(r.value()))
                .toList();
        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst().revision()).isEqualTo(7);
        assertThat(((OrgUnitChanged) copies.getFirst().data()).name()).isEqualTo("快照市");
        assertThat(jdbc.sql("SELECT count(*) FROM publication_marker")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
