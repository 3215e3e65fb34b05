package org.whistle.members.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.members.MembersServiceTest;
import tools.jackson.databind.json.JsonMapper;

class DemoMembersTest extends MembersServiceTest {

    @Autowired
    private DemoMembers demo;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void seedsTheDemoCitysMembersTasksCatalogueAndAYearOfPoints() throws Exception {
        var file = JsonMapper.shared().readTree(Files.readString(Path.of("../demo/members.json")));

        transactions.executeWithoutResult(status -> demo.seed(file));

        assertThat(jdbc.sql("SELECT name FROM membership WHERE subject IN ('jh.jjf.hanshufen', 'jh.party.zhaoyumei')")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("韩淑芬", "赵玉梅");
        assertThat(jdbc.sql("SELECT count(DISTINCT compound_id) FROM membership WHERE subject LIKE 'demo.%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM workplace_org WHERE id IN ('W-JH-SWJ', 'W-LS-GDJ')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE state = 'OPEN' AND publisher = 'jh.jjf.hanshufen'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE event_ref = 'demo'")
                        .query(Long.class)
                        .single())
                .isGreaterThan(100);
        var mine = json(get(
                "/api/members/points/me",
                org.whistle.testing.TestIssuer.get()
                        .token("jh.party.zhaoyumei", java.util.List.of("PARTY_MEMBER"), java.util.List.of(), null)));
        assertThat(mine.get("entries").size()).isPositive();
    }
}
