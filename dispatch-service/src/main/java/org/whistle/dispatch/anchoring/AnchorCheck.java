package org.whistle.dispatch.anchoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.dispatch.ticket.domain.TimelineVerifier;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.security.personaldata.PersonalData;

/**
 * Compares a timeline as stored with its anchors. A rewritten entry changes its own hash and, once the chain is
 * re-hashed, every later one: so the first anchor that disagrees bounds the change from above and the last agreeing
 * anchor before it from below. Within those bounds the entries whose events were published are compared field by
 * field (who, when, the note, the state, the evidence) to name what changed; where no event tells, the run of entries
 * that may have changed is named.
 */
final class AnchorCheck {

    private static final DateTimeFormatter SHANGHAI =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("RAISED", "待受理"),
            Map.entry("FILED", "已受理"),
            Map.entry("DISPATCHED", "已派哨"),
            Map.entry("IN_PROGRESS", "处置中"),
            Map.entry("RESOLVED", "已办结"),
            Map.entry("VERIFIED", "已核查"),
            Map.entry("CLOSED", "已结案"),
            Map.entry("REJECTED", "已驳回"),
            Map.entry("MERGED", "已合并"),
            Map.entry("RETURNED", "已退回"),
            Map.entry("SUSPENDED", "已挂账"));
    private static final Map<String, String> POSTS = Map.ofEntries(
            Map.entry("RESIDENT", "居民"),
            Map.entry("GRID_WORKER", "网格员"),
            Map.entry("PARTY_MEMBER", "党员"),
            Map.entry("COMMUNITY_STAFF", "社区工作人员"),
            Map.entry("STREET_DISPATCHER", "街道指挥中心调度员"),
            Map.entry("DISTRICT_DISPATCHER", "县区指挥中心调度员"),
            Map.entry("CITY_DISPATCHER", "市指挥中心调度员"),
            Map.entry("DEPARTMENT_OFFICER", "部门工作人员"),
            Map.entry("DEPARTMENT_LEADER", "部门负责人"),
            Map.entry("PROPERTY_STAFF", "物业工作人员"),
            Map.entry("LEADER", "领导"),
            Map.entry("ADMINISTRATOR", "系统管理员"));
    private static final Map<String, String> SOURCES = Map.of(
            "whistle-routed", "派转事件",
            "whistle-reported", "单位报告事件",
            "whistle-closed", "结案事件");

    private AnchorCheck() {}

    private static @Nullable String post(@Nullable String role) {
        return role == null ? null : POSTS.getOrDefault(role, role);
    }

    static AnchorVerification compare(TicketId ticket, List<TimelineEntry> entries, AnchorReader.Anchors found) {
        var table =
                entries.stream().collect(Collectors.toMap(TimelineEntry::sequence, Function.identity(), (a, b) -> a));
        var anchors = new ArrayList<AnchorVerification.Anchor>();
        var published = new TreeMap<Long, AnchorReader.EventAnchor>();
        for (var event : found.events()) {
            published.putIfAbsent(event.sequence(), event);
            anchors.add(new AnchorVerification.Anchor(
                    event.topic(),
                    null,
                    event.sequence(),
                    event.hash(),
                    true,
                    matches(table, event.sequence(), event.hash())));
        }
        for (var checkpoint : found.checkpoints()) {
            anchors.add(new AnchorVerification.Anchor(
                    "checkpoint",
                    checkpoint.number(),
                    checkpoint.sequence(),
                    checkpoint.hash(),
                    checkpoint.trusted(),
                    matches(table, checkpoint.sequence(), checkpoint.hash())));
        }
        anchors.sort(Comparator.comparingLong(AnchorVerification.Anchor::sequence)
                .thenComparing(AnchorVerification.Anchor::source));
        boolean chainIntact = TimelineVerifier.verify(ticket, entries) instanceof TimelineVerifier.Result.Intact;

        long confirmed = 0;
        AnchorVerification.Difference difference = null;
        for (var anchor : anchors) {
            if (!anchor.trusted()) {
                continue;
            }
            if (anchor.matches()) {
                confirmed = Math.max(confirmed, anchor.sequence());
                continue;
            }
            difference = locate(table, published, confirmed, anchor);
            break;
        }
        int length = entries.size();
        if (difference != null) {
            var where = difference.throughSequence() == null
                    ? "第 " + difference.sequence() + " 条"
                    : "第 " + difference.sequence() + "–" + difference.throughSequence() + " 条之间";
            return new AnchorVerification(
                    ticket.toString(),
                    "DIFFERS",
                    "时间线与外部锚点不符：" + where + "记录被改动。" + difference.what(),
                    length,
                    confirmed,
                    chainIntact,
                    difference,
                    anchors,
                    found.problems());
        }
        if (confirmed == length && length > 0) {
            return new AnchorVerification(
                    ticket.toString(),
                    "INTACT",
                    "时间线全部 " + length + " 条记录与外部锚点一致。",
                    length,
                    confirmed,
                    chainIntact,
                    null,
                    anchors,
                    found.problems());
        }
        return new AnchorVerification(
                ticket.toString(),
                "NOT_YET_ANCHORED",
                confirmed == 0
                        ? "尚未找到外部锚点：时间线的 " + length + " 条记录将在下一个检查点锚定。"
                        : "前 " + confirmed + " 条记录与外部锚点一致；第 " + (confirmed + 1) + " 条起尚未锚定，将在下一个检查点锚定。",
                length,
                confirmed,
                chainIntact,
                null,
                anchors,
                found.problems());
    }

    private static boolean matches(Map<Long, TimelineEntry> table, long sequence, String hash) {
        var entry = table.get(sequence);
        return entry != null && entry.hash().equals(hash);
    }

    /** Where the change lies, given that entries up to {@code confirmed} agree and {@code anchor} does not. */
    private static AnchorVerification.Difference locate(
            Map<Long, TimelineEntry> table,
            TreeMap<Long, AnchorReader.EventAnchor> published,
            long confirmed,
            AnchorVerification.Anchor anchor) {
        if (!table.containsKey(anchor.sequence())) {
            long first = confirmed + 1;
            return new AnchorVerification.Difference(
                    table.containsKey(first) ? anchor.sequence() : first,
                    null,
                    "外部锚点记有第 " + anchor.sequence() + " 条记录，表中却没有：记录被删除或截断。");
        }
        for (long sequence = confirmed + 1; sequence <= anchor.sequence(); sequence++) {
            var entry = table.get(sequence);
            var event = published.get(sequence);
            if (entry == null) {
                return new AnchorVerification.Difference(sequence, null, "表中缺少第 " + sequence + " 条记录。");
            }
            if (event != null) {
                var changes = changes(entry, event);
                if (!changes.isEmpty()) {
                    return new AnchorVerification.Difference(sequence, null, String.join("；", changes) + "。");
                }
            }
        }
        if (anchor.sequence() == confirmed + 1) {
            return new AnchorVerification.Difference(
                    anchor.sequence(), null, "该条记录的内容与发布时的哈希不符（" + source(anchor) + "）。");
        }
        return new AnchorVerification.Difference(
                confirmed + 1,
                anchor.sequence(),
                "第 " + anchor.sequence() + " 条的哈希与" + source(anchor) + "不符，而第 " + confirmed
                        + " 条及之前一致；其间未发布事件的记录无法逐条比对。");
    }

    private static String source(AnchorVerification.Anchor anchor) {
        return anchor.checkpoint() != null
                ? "检查点第 " + anchor.checkpoint() + " 号"
                : "已发布的" + SOURCES.getOrDefault(anchor.source(), anchor.source());
    }

    /** What differs between the entry as stored and the event published when it was made. */
    private static List<String> changes(TimelineEntry entry, AnchorReader.EventAnchor anchor) {
        var changes = new ArrayList<String>();
        Actor actor;
        Instant at;
        @Nullable String text = null;
        boolean textPublished = false;
        @Nullable String state = null;
        @Nullable List<EvidenceRef> evidence = null;
        switch (anchor.event().data()) {
            case WhistleRouted e -> {
                actor = e.actor();
                at = e.at();
                state = e.state().name();
                switch (e.action()) {
                    case TRANSFERRED, RETURNED, SUSPENDED, REOPENED -> {
                        text = e.reason();
                        textPublished = true;
                    }
                    default -> {}
                }
            }
            case WhistleReported e -> {
                actor = e.actor();
                at = e.at();
                state = e.ticketState().name();
                text = e.note();
                textPublished = true;
                evidence = e.evidence();
            }
            case WhistleSupervised e -> {
                // The entry's note words the order; the event carries its reason alone, so only who and when compare.
                actor = e.actor();
                at = e.at();
            }
            case WhistleClosed e -> {
                actor = e.actor();
                at = e.at();
                if (e.outcome() == WhistleClosed.Outcome.REJECTED) {
                    text = e.reason();
                    textPublished = true;
                }
            }
            default -> {
                return changes;
            }
        }
        compare(changes, "操作人", actor.userId(), entry.actor().userId());
        compare(changes, "所属单位", actor.orgUnitId(), entry.actor().orgUnitId());
        compare(changes, "岗位", post(actor.role()), post(entry.actor().role()));
        if (!at.equals(entry.at())) {
            changes.add("时间：发布时为 " + SHANGHAI.format(at) + "，表中为 " + SHANGHAI.format(entry.at()));
        }
        if (textPublished) {
            // Events carry free text with phone numbers masked; compare the table's text masked the same way.
            compare(changes, "备注", text, PersonalData.phonesIn(entry.note()));
        }
        if (state != null) {
            compare(
                    changes,
                    "状态",
                    STATES.get(state),
                    STATES.get(entry.stateAfter().name()));
        }
        if (evidence != null && !evidence.equals(entry.evidence())) {
            changes.add(
                    "证据：发布时 " + evidence.size() + " 项，表中 " + entry.evidence().size() + " 项或内容不同");
        }
        return changes;
    }

    private static void compare(
            List<String> changes, String field, @Nullable String published, @Nullable String stored) {
        if (!Objects.equals(published, stored)) {
            changes.add(field + "：发布时为「" + shown(published) + "」，表中为「" + shown(stored) + "」");
        }
    }

    private static String shown(@Nullable String value) {
        if (value == null) {
            return "（空）";
        }
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
