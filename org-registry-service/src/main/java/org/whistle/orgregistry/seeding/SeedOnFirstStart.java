package org.whistle.orgregistry.seeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.calendars.Calendars;
import org.whistle.orgregistry.calendars.ManagingCalendars;
import org.whistle.orgregistry.catalogue.ImportingCategories;
import org.whistle.orgregistry.deadlines.ImportingDeadlinePolicies;
import org.whistle.orgregistry.identity.ImportingAccounts;
import org.whistle.orgregistry.organisation.ImportingOrganisation;
import org.whistle.orgregistry.routing.ImportingRoutingRules;
import org.whistle.problems.ImportRejectedException;

/**
 * With {@code whistle.org.seed-directory} set, imports its files into an empty registry in one transaction: all of
 * the city or none of it. A registry that holds any node is left alone, so restarts never re-seed. Runs after the
 * first-start snapshot, so the seeded data is published once, as changes.
 */
@Component
@Order(10)
class SeedOnFirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedOnFirstStart.class);

    private final String directory;
    private final ImportingOrganisation organisation;
    private final ImportingCategories categories;
    private final ImportingRoutingRules routingRules;
    private final ImportingDeadlinePolicies deadlinePolicies;
    private final ImportingAccounts accounts;
    private final ManagingCalendars calendars;
    private final Calendars storedCalendars;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SeedOnFirstStart(
            @Value("${whistle.org.seed-directory:}") String directory,
            ImportingOrganisation organisation,
            ImportingCategories categories,
            ImportingRoutingRules routingRules,
            ImportingDeadlinePolicies deadlinePolicies,
            ImportingAccounts accounts,
            ManagingCalendars calendars,
            Calendars storedCalendars,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.directory = directory;
        this.organisation = organisation;
        this.categories = categories;
        this.routingRules = routingRules;
        this.deadlinePolicies = deadlinePolicies;
        this.accounts = accounts;
        this.calendars = calendars;
        this.storedCalendars = storedCalendars;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.isBlank()) {
            return;
        }
        var root = Path.of(directory);
        transactions.executeWithoutResult(status -> {
            // Replicas starting together seed once: the second waits here, then finds the tree filled.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('whistle-org-seed'))")
                    .query(Object.class)
                    .single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_node)")
                    .query(Boolean.class)
                    .single()) {
                log.info("Registry already holds an organisation; not seeding from {}", root);
                return;
            }
            try {
                var city = root.resolve("city");
                load(city, "nodes.csv", organisation::importNodes);
                load(city, "units.csv", organisation::importUnits);
                load(city, "party-orgs.csv", organisation::importPartyOrgs);
                load(city, "grids.geojson", organisation::importGrids);
                load(city, "categories.csv", categories::importCsv);
                load(city, "routing-rules.csv", routingRules::importCsv);
                load(city, "deadline-policies.csv", deadlinePolicies::importCsv);
                loadCalendars(city);
                load(root, "accounts.json", accounts::importAccountsJson);
            } catch (ImportRejectedException e) {
                throw new IllegalStateException("the seed in " + root + " is invalid: " + e.rows(), e);
            }
            log.info("Seeded the registry from {}", root);
        });
    }

    /**
     * {@code calendars.csv} and each year's official schedule, {@code holidays-<year>.csv}, imported into every
     * calendar listed (one national schedule); a seed without calendars has none.
     */
    private void loadCalendars(Path city) {
        if (!Files.exists(city.resolve("calendars.csv"))) {
            return;
        }
        load(city, "calendars.csv", calendars::importDefinitions);
        // Seeding runs on an empty registry only: every calendar now stored is one just listed.
        var imported = storedCalendars.all(true).stream()
                .map(calendar -> calendar.id())
                .toList();
        try (var files = Files.list(city)) {
            for (var schedule : files.filter(path ->
                            YEAR_FILE.matcher(path.getFileName().toString()).matches())
                    .sorted()
                    .toList()) {
                var name = schedule.getFileName().toString();
                var year = Integer.parseInt(name.substring("holidays-".length(), name.length() - ".csv".length()));
                for (var id : imported) {
                    load(city, name, (file, in) -> calendars.importYear(id, year, file, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + city, e);
        }
    }

    private static final Pattern YEAR_FILE = Pattern.compile("holidays-\\d{4}\\.csv");

    private static void load(Path dir, String file, BiConsumer<String, InputStream> importer) {
        try (var in = Files.newInputStream(dir.resolve(file))) {
            importer.accept(file, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + dir.resolve(file), e);
        }
    }
}
