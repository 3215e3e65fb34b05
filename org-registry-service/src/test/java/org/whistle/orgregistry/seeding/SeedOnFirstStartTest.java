package org.whistle.orgregistry.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.testing.RealInfrastructure;

@SpringBootTest(properties = "whistle.org.seed-directory=../demo")
@RealInfrastructure
class SeedOnFirstStartTest {

    @Autowired
    SeedOnFirstStart seed;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsTheWholeDemoCityIntoAnEmptyRegistryAtStart() throws Exception {
        assertThat(count("org_node")).isEqualTo(dataRows("city/nodes.csv"));
        assertThat(count("handling_unit")).isEqualTo(dataRows("city/units.csv"));
        assertThat(count("party_org")).isEqualTo(dataRows("city/party-orgs.csv"));
        assertThat(count("grid_boundary")).isEqualTo(count("org_node WHERE kind = 'GRID'"));
        assertThat(count("category")).isEqualTo(dataRows("city/categories.csv"));
        assertThat(count("routing_rule")).isEqualTo(dataRows("city/routing-rules.csv"));
        assertThat(count("deadline_policy")).isEqualTo(dataRows("city/deadline-policies.csv"));
        assertThat(count("work_calendar")).isEqualTo(dataRows("city/calendars.csv"));
        assertThat(count("work_calendar_day WHERE calendar_id = 'qiqihar'"))
                .isEqualTo(dataRows("city/holidays-2026.csv") + dataRows("city/holidays-2027.csv"));
        assertThat(count("work_calendar_day WHERE calendar_id = 'qiqihar' AND day = DATE '2026-09-20'"
                        + " AND kind = 'WORKDAY'"))
                .as("the 国庆节 make-up working Sunday")
                .isOne();
        assertThat(count("account WHERE username = 'gn.grid.lishuxia'")).isOne();
        assertThat(count("client_binding WHERE client_id = 'gn-zjj-lzg-system'"))
                .isOne();
    }

    @Test
    void leavesAFilledRegistryAloneOnTheNextStart() {
        var audited = count("audit_entry");

        seed.run(new DefaultApplicationArguments());

        assertThat(count("audit_entry")).isEqualTo(audited);
    }

    private long count(String from) {
        return jdbc.sql("SELECT count(*) FROM " + from).query(Long.class).single();
    }

    private static long dataRows(String file) throws Exception {
        return Files.readAllLines(Path.of("../demo").resolve(file)).stream()
                        .filter(line -> !line.isBlank())
                        .count()
                - 1;
    }
}
