package org.whistle.members.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.members.points.GrantingPoints;
import org.whistle.members.points.Ledger;
import org.whistle.members.points.domain.LedgerEntry;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.WorkplaceOrgs;
import org.whistle.members.reporting.domain.MemberKind;
import org.whistle.members.reporting.domain.MemberType;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.reporting.domain.Profile;
import org.whistle.members.reporting.domain.WorkplaceOrg;
import org.whistle.members.tasks.Tasks;
import org.whistle.members.tasks.domain.Task;
import org.whistle.members.tasks.domain.TaskKind;
import org.whistle.members.tasks.domain.TaskWindow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo city's members from {@code whistle.members.demo-file} (the local stack points it at
 * {@code demo/members.json}) into an empty database only, through the same aggregates the API uses: workplace
 * organisations, confirmed report-ins, open tasks, a catalogue, and a year of ledger history. Times in the file are
 * relative to now, so the demo always has open tasks.
 */
@Component
class DemoMembers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private final String file;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Memberships memberships;
    private final WorkplaceOrgs workplaces;
    private final Tasks tasks;
    private final Ledger ledger;
    private final Clock clock;

    DemoMembers(
            @Value("${whistle.members.demo-file:}") String file,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Memberships memberships,
            WorkplaceOrgs workplaces,
            Tasks tasks,
            Ledger ledger,
            Clock clock) {
        this.file = file;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.memberships = memberships;
        this.workplaces = workplaces;
        this.tasks = tasks;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (file.isBlank()) {
            return;
        }
        JsonNode demo;
        try {
            demo = JsonMapper.shared().readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo members " + file, e);
        }
        transactions.executeWithoutResult(status -> {
            if (jdbc.sql("SELECT count(*) FROM membership").query(Long.class).single() > 0) {
                return;
            }
            seed(demo);
        });
    }

    /** Seeds the file's contents; the caller holds the transaction and knows the database is empty. */
    void seed(JsonNode demo) {
        var now = clock.instant();
        var yearAgo = now.minus(Duration.ofDays(360));
        var city = demo.path("city").asString();
        for (var w : demo.path("workplaces").values()) {
            workplaces.add(
                    new WorkplaceOrg(
                            w.path("id").asString(),
                            w.path("name").asString(),
                            w.path("reportsTo").asString(),
                            w.path("contactSubject").asString(),
                            w.path("contactName").asString(),
                            w.path("contactPhone").asString(),
                            w.path("firstSecretary").asString(null),
                            yearAgo),
                    "demo");
        }
        Map<String, UUID> bySubject = new HashMap<>();
        for (var m : demo.path("members").values()) {
            var profile = new Profile(
                    m.path("name").asString(),
                    m.path("phone").asString(),
                    MemberKind.valueOf(m.path("kind").asString()),
                    MemberType.valueOf(m.path("memberType").asString()),
                    m.path("workplaceId").asString(null),
                    strings(m.path("skills")),
                    strings(m.path("teams")),
                    m.path("availability").asString());
            var membership = Membership.reportIn(
                    m.path("subject").asString(),
                    profile,
                    m.path("compoundId").asString(),
                    m.path("address").asString(),
                    profile.name(),
                    yearAgo);
            membership.confirm(
                    m.path("gridId").asString(),
                    m.path("buildingId").asString(null),
                    "demo",
                    "社区党支部",
                    yearAgo.plus(Duration.ofDays(1)));
            memberships.save(membership);
            bySubject.put(membership.subject(), membership.id().value());
        }
        for (var t : demo.path("tasks").values()) {
            var starts = now.plus(Duration.ofHours(t.path("startsInHours").asLong()));
            var spec = new Task.Spec(
                    TaskKind.valueOf(t.path("kind").asString()),
                    t.path("title").asString(),
                    t.path("description").asString(),
                    compoundOf(t.path("gridId").asString()),
                    t.path("gridId").asString(),
                    t.path("place").asString(),
                    new TaskWindow(
                            starts, starts.plus(Duration.ofHours(t.path("hours").asLong()))),
                    t.path("places").asInt(),
                    strings(t.path("skills")),
                    t.path("points").asInt(),
                    t.path("checkInRequired").asBoolean());
            tasks.save(Task.publish(spec, "jh.jjf.hanshufen", "韩淑芬", null, now));
        }
        for (var c : demo.path("catalogue").values()) {
            jdbc.sql("""
                            INSERT INTO catalogue_item (id, compound_id, name, description, merchant, points, stock,
                                active, created_at, created_by)
                            VALUES (:id, :compound, :name, :description, :merchant, :points, :stock, TRUE, :at, 'demo')""")
                    .param("id", UUID.randomUUID())
                    .param("compound", c.path("compoundId").asString())
                    .param("name", c.path("name").asString())
                    .param("description", c.path("description").asString())
                    .param("merchant", c.path("merchant").asString(null))
                    .param("points", c.path("points").asInt())
                    .param("stock", c.path("stock").asInt())
                    .param("at", Timestamp.from(yearAgo))
                    .update();
        }
        var entries = new ArrayList<JsonNode>(demo.path("ledger").values());
        entries.sort((a, b) ->
                Integer.compare(b.path("daysAgo").asInt(), a.path("daysAgo").asInt()));
        for (var e : entries) {
            var at = now.minus(Duration.ofDays(e.path("daysAgo").asLong()));
            ledger.append(new LedgerEntry(
                    UUID.randomUUID(),
                    bySubject.get(e.path("subject").asString()),
                    e.path("amount").asInt(),
                    e.path("reason").asString(),
                    city,
                    e.path("rule").asString(),
                    null,
                    "demo",
                    null,
                    e.path("approver").asString(),
                    e.path("approverName").asString(),
                    at,
                    GrantingPoints.yearOf(at),
                    null,
                    null));
        }
        log.info(
                "Seeded the demo members: {} members, {} tasks, {} ledger entries",
                bySubject.size(),
                demo.path("tasks").size(),
                entries.size());
    }

    /** Grids in the demo file are named by code under their compound's code (first 15 digits). */
    private static String compoundOf(String gridId) {
        return gridId.substring(0, 15);
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.values().forEach(v -> list.add(v.asString()));
        return list;
    }
}
