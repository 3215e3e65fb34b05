package org.whistle.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar history-…-exec.jar --bootstrap localhost:9092 --months 12}: generates the demo city's history and
 * publishes it to the topics, marked as history, so evaluation-service folds it and no live actor acts on it.
 *
 * <p>Options: {@code --city demo/city} (the org data folder), {@code --from 2026-01} (first month; default the
 * twelve months before this one), {@code --months 12}, {@code --per-street-per-day 6}, {@code --seed 20},
 * {@code --dry-run} (counts only, nothing published).
 */
public final class HistoryCommand {

    private HistoryCommand() {}

    public static void main(String[] args) {
        var options = options(args);
        var clock = Clock.systemUTC();
        var now = clock.instant();
        int months = Integer.parseInt(options.getOrDefault("months", "12"));
        var from = options.containsKey("from")
                ? YearMonth.parse(options.get("from"))
                : YearMonth.now(HistoryGenerator.ZONE).minusMonths(months);
        var city = City.load(Path.of(options.getOrDefault("city", "demo/city")));
        var generator = new HistoryGenerator(city, Long.parseLong(options.getOrDefault("seed", "20")));
        LocalDate start = from.atDay(1);
        LocalDate end = from.plusMonths(months).atDay(1);
        var cases = generator.generate(
                start, end, Double.parseDouble(options.getOrDefault("per-street-per-day", "6")), now);
        var types = new TreeMap<String, Long>();
        cases.forEach(c -> c.events().forEach(e -> types.merge(e.type(), 1L, Long::sum)));
        System.out.printf(
                "%d cases from %s to %s (%d streets), %d events: %s%n",
                cases.size(),
                start,
                end.minusDays(1),
                city.streets().size(),
                types.values().stream().mapToLong(Long::longValue).sum(),
                types);
        if (options.containsKey("dry-run")) {
            return;
        }
        var bootstrap = options.get("bootstrap");
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap host:port names the Kafka to publish to (or --dry-run)");
        }
        long started = System.nanoTime();
        try (var publisher = new HistoryPublisher(bootstrap)) {
            long published = publisher.publish(cases);
            System.out.printf("published %d events in %d ms%n", published, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + args[i]);
            }
            var name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
