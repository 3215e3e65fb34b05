package org.whistle.evaluation.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseFold;

/** How figures read in Chinese: times in Asia/Shanghai, rates as percentages, durations in 天/小时/分. */
public final class Texts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseFold.ZONE);

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("CITY", "市"),
            Map.entry("DISTRICT", "区县"),
            Map.entry("STREET", "街道乡镇"),
            Map.entry("COMMUNITY", "社区村"),
            Map.entry("GRID", "网格"),
            Map.entry("COMMAND_CENTRE", "指挥中心"),
            Map.entry("DEPARTMENT", "职能部门"),
            Map.entry("UTILITY", "公用事业单位"),
            Map.entry("PROPERTY_COMPANY", "物业公司"),
            Map.entry("OWNERS_COMMITTEE", "业主委员会"),
            Map.entry("COMMUNITY_COMMITTEE", "居（村）委会"),
            Map.entry("STREET_OFFICE", "街道办事处"),
            Map.entry("FIRE_BRIGADE", "消防救援队"),
            Map.entry("SECTION", "科室"));

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("RAISED", "待受理"),
            Map.entry("FILED", "已立案"),
            Map.entry("DISPATCHED", "已派遣"),
            Map.entry("IN_PROGRESS", "处置中"),
            Map.entry("RESOLVED", "已办结待核查"),
            Map.entry("VERIFIED", "已核查待回访"),
            Map.entry("CLOSED", "已结案"),
            Map.entry("REJECTED", "已驳回"),
            Map.entry("MERGED", "已合并"),
            Map.entry("RETURNED", "已退回"),
            Map.entry("SUSPENDED", "挂账中"));

    private static final Map<String, String> OUTCOMES =
            Map.of("RESOLVED", "已解决结案", "NO_ANSWER", "回访未答复结案", "REJECTED", "驳回", "MERGED", "合并");

    private static final Map<String, String> RATINGS =
            Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意", "DISSATISFIED", "不满意");

    private static final Map<String, String> DUE_SOURCES = Map.of(
            "SLA", "时限系统公布的到期时间",
            "ESTIMATED", "未到预警即完成，按时限估算（全天计时）",
            "NONE", "未派遣，无处置时限");

    private Texts() {}

    public static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, "单位");
    }

    public static String state(@Nullable String state) {
        return state == null ? "待受理" : STATES.getOrDefault(state, "处理中");
    }

    public static String outcome(@Nullable String outcome) {
        return outcome == null ? "" : OUTCOMES.getOrDefault(outcome, "");
    }

    public static String rating(@Nullable String rating) {
        return rating == null ? "" : RATINGS.getOrDefault(rating, "");
    }

    public static String dueSource(String source) {
        return DUE_SOURCES.getOrDefault(source, "");
    }

    public static String percent(@Nullable Double rate) {
        return rate == null ? "—" : String.format("%.2f%%", rate * 100);
    }

    public static String score(@Nullable Double score) {
        return score == null ? "—" : String.format("%.2f", score);
    }

    /** A duration in seconds as 2天3小时5分; empty for none. */
    public static String duration(@Nullable Double seconds) {
        if (seconds == null) {
            return "";
        }
        var d = Duration.ofSeconds(Math.round(seconds));
        var text = new StringBuilder();
        if (d.toDays() > 0) {
            text.append(d.toDays()).append("天");
        }
        if (d.toHoursPart() > 0) {
            text.append(d.toHoursPart()).append("小时");
        }
        if (d.toMinutesPart() > 0 || text.isEmpty()) {
            text.append(d.toMinutesPart()).append("分");
        }
        return text.toString();
    }

    /** Who did it, for a person: the reporter, the system, or the account. */
    public static String who(String author) {
        if ("reporter".equals(author)) {
            return "上报人";
        }
        if (author.startsWith("system:")) {
            return "系统";
        }
        return author;
    }
}
