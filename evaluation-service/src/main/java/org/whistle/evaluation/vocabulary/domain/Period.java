package org.whistle.evaluation.vocabulary.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A period figures are counted over: a day, a month, a quarter, a year, or any range of days (at most ten years),
 * in Asia/Shanghai dates, both ends included. Written as {@code 2026-03-05}, {@code 2026-03}, {@code 2026-Q1},
 * {@code 2026} or {@code 2026-03-01..2026-03-15}.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** How long a period is. */
    public enum Kind {
        DAY,
        MONTH,
        QUARTER,
        YEAR,
        RANGE
    }

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new IllegalArgumentException("a period is at most ten years long");
        }
    }

    public static Optional<Period> parse(String text) {
        if (text.length() > 30) {
            return Optional.empty();
        }
        try {
            if (DAY.matcher(text).matches()) {
                var day = LocalDate.parse(text);
                return Optional.of(new Period(Kind.DAY, day, day));
            }
            if (MONTH.matcher(text).matches()) {
                var month = YearMonth.parse(text);
                return Optional.of(new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth()));
            }
            var quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                var first = YearMonth.of(
                        Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
                return Optional.of(new Period(
                        Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth()));
            }
            if (YEAR.matcher(text).matches()) {
                int year = Integer.parseInt(text);
                return Optional.of(new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            var range = text.split("\\.\\.", -1);
            if (range.length == 2
                    && DAY.matcher(range[0]).matches()
                    && DAY.matcher(range[1]).matches()) {
                return Optional.of(new Period(Kind.RANGE, LocalDate.parse(range[0]), LocalDate.parse(range[1])));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The period as it is written. */
    public String code() {
        return switch (kind) {
            case DAY -> from.toString();
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(from.getYear());
            case RANGE -> from + ".." + to;
        };
    }

    /** The period in Chinese, e.g. 2026年3月, 2026年第一季度. */
    public String label() {
        return switch (kind) {
            case DAY -> from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日";
            case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTER -> from.getYear() + "年第" + "一二三四".charAt((from.getMonthValue() - 1) / 3) + "季度";
            case YEAR -> from.getYear() + "年";
            case RANGE -> new Period(Kind.DAY, from, from).label() + "至" + new Period(Kind.DAY, to, to).label();
        };
    }

    /** The period just before (环比): the previous day, month, quarter, year, or range of the same length. */
    public Period previous() {
        return switch (kind) {
            case DAY -> new Period(kind, from.minusDays(1), from.minusDays(1));
            case MONTH -> of(kind, YearMonth.from(from).minusMonths(1));
            case QUARTER -> new Period(kind, from.minusMonths(3), from.minusDays(1));
            case YEAR -> new Period(kind, from.minusYears(1), to.minusYears(1));
            case RANGE -> {
                long days = to.toEpochDay() - from.toEpochDay() + 1;
                yield new Period(kind, from.minusDays(days), from.minusDays(1));
            }
        };
    }

    /** The same period a year before (同比). */
    public Period yearBefore() {
        return switch (kind) {
            case MONTH -> of(kind, YearMonth.from(from).minusYears(1));
            case QUARTER ->
                new Period(
                        kind,
                        from.minusYears(1),
                        from.minusYears(1).plusMonths(3).minusDays(1));
            default -> new Period(kind, from.minusYears(1), to.minusYears(1));
        };
    }

    private static Period of(Kind kind, YearMonth month) {
        return new Period(kind, month.atDay(1), month.atEndOfMonth());
    }
}
