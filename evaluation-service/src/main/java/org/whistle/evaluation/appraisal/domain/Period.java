package org.whistle.evaluation.appraisal.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * The dates an appraisal covers (Asia/Shanghai calendar days, both ends included), with a name a person reads and the
 * period before it, for movement in rankings.
 */
public record Period(LocalDate from, LocalDate to, String label) {

    /** A year at most: an appraisal is not a history. */
    public static final int MAX_DAYS = 366;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (to.isBefore(from)) {
            throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodEndsBeforeStart"));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodTooLong", "max", MAX_DAYS));
        }
    }

    /** Reads {@code 2026}, {@code 2026-03} or {@code 2026-Q1}. */
    public static Period named(String name) {
        if (YEAR.matcher(name).matches()) {
            int year = Integer.parseInt(name);
            return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
        }
        if (MONTH.matcher(name).matches()) {
            YearMonth month;
            try {
                month = YearMonth.parse(name);
            } catch (java.time.DateTimeException e) {
                throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.noSuchMonth", "month", name));
            }
            return new Period(
                    month.atDay(1), month.atEndOfMonth(), month.getYear() + "年" + month.getMonthValue() + "月");
        }
        var quarter = QUARTER.matcher(name);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            int q = Integer.parseInt(quarter.group(2));
            var start = LocalDate.of(year, 3 * q - 2, 1);
            return new Period(start, start.plusMonths(3).minusDays(1), year + "年第" + q + "季度");
        }
        throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.appraisalPeriodForm"));
    }

    public static Period between(LocalDate from, LocalDate to) {
        return new Period(from, to, from + " 至 " + to);
    }

    /** The period just before, of the same kind: the previous month, quarter, year, or as many days. */
    public Period previous() {
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
        if (wholeMonths) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            var start = from.minusMonths(months);
            var end = from.minusDays(1);
            return new Period(start, end, start + " 至 " + end);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1), from.minusDays(days) + " 至 " + from.minusDays(1));
    }
}
