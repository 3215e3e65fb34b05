package org.whistle.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Generated sections of a Markdown report, each between its own markers, so the text around them stays as written. */
final class Report {

    private Report() {}

    /**
     * Replaces the section {@code name} of {@code file} with {@code body} (markers added), appending it when the file
     * has no such section yet; creates the file with {@code title} when it does not exist.
     */
    static void write(Path file, String title, String name, String body) throws IOException {
        var begin = "<!-- " + name + ":begin -->";
        var end = "<!-- " + name + ":end -->";
        var section = begin + "\n<!-- Written by the bench run (system-tests/src/bench); edit the text around it, not"
                + " this. -->\n\n" + body.strip() + "\n" + end;
        var existing = Files.exists(file) ? Files.readString(file) : "";
        String text;
        if (existing.contains(begin) && existing.contains(end)) {
            text = existing.substring(0, existing.indexOf(begin))
                    + section
                    + existing.substring(existing.indexOf(end) + end.length());
        } else if (!existing.isBlank()) {
            text = existing.stripTrailing() + "\n\n" + section + "\n";
        } else {
            text = "# " + title + "\n\n" + section + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        Bench.progress("wrote section %s of %s", name, file.toAbsolutePath().normalize());
    }

    /** The line every section starts with: the command, when, and whether it was a smoke run. */
    static String provenance() {
        var smoke = Bench.smoke()
                ? " **Smoke run** (`-Dbench.smoke=true`: seconds instead of minutes, tiny counts) — these figures show"
                        + " that the harness works, they are not measurements to quote."
                : "";
        return ("`%s` — run %s on %d cores (`availableProcessors`), %s, %s RAM; JDK %s; load average %.2f when"
                        + " this part started.%s")
                .formatted(
                        Bench.COMMAND,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        Machine.cores(),
                        Machine.cpuModel(),
                        gib(Machine.memory()),
                        System.getProperty("java.version"),
                        Machine.loadAverage(),
                        smoke);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.0f GiB", bytes / 1024.0 / 1024.0 / 1024.0);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / 1024.0 / 1024.0));
    }

    static String ms(long nanos) {
        return nanos < 0 ? "—" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String number(double value) {
        return value >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
