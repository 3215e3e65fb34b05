package org.whistle.notification.delivery.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.security.personaldata.PersonalData;

/**
 * Writes the message for an event. Reporter-facing texts carry the tracking code, and on resolution the rating link
 * ({@code ratingLinkBase} followed by the tracking code) — as the placeholder {@link #TRACKING_CODE}, which only the
 * SMS/WeChat channels fill in as they send ({@link #withTrackingCode}), so the delivery log, inbox, live feed, logs and
 * metrics never hold the reporter's secret. Texts never carry the reporter's phone or name, and notes and reasons
 * copied from events are masked again, whoever wrote a number into them.
 */
public record Messages(String ratingLinkBase) {

    /** Stands for the tracking code in stored texts; reads as "(tracking code)" where it is not filled in. */
    public static final String TRACKING_CODE = "〔查询码〕";

    /** The text as sent to the reporter's own phone: the placeholder replaced by their code, when it is known. */
    public static String withTrackingCode(String text, @Nullable String trackingCode) {
        return trackingCode == null || trackingCode.isBlank() ? text : text.replace(TRACKING_CODE, trackingCode);
    }

    public Message render(EventEnvelope<?> envelope, Addressee addressee, Names names) {
        var code = TRACKING_CODE;
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("trackingCode", code);
        parameters.put("whistleId", String.valueOf(envelope.whistleId()));
        String template;
        String title;
        String body;
        switch (envelope.data()) {
            case WhistleRaised raised -> {
                template = "whistle-raised";
                title = "新哨情 " + names.category();
                body = "辖区内新吹哨：" + names.category() + "，"
                        + describe(raised.location().address());
            }
            case WhistleRouted routed -> {
                template = "whistle-routed." + routed.action();
                parameters.put("ticketNumber", routed.ticketNumber());
                switch (routed.action()) {
                    case FILED -> {
                        title = "您的哨情已受理";
                        body = "您反映的问题（" + code + "）已受理，编号 " + routed.ticketNumber() + "。";
                    }
                    case SUMMONED -> {
                        title = "吹哨报到 " + routed.ticketNumber();
                        body = "工单 " + routed.ticketNumber() + "（" + names.category() + "）召集您单位报到，"
                                + summonsText(routed.summons(), names) + "。";
                    }
                    case VERIFIED -> {
                        title = "您的哨情已办结";
                        body = "您反映的问题（" + code + "）已办结并核查，请评价：" + ratingLink(code, parameters);
                    }
                    default -> {
                        title = "工单 " + routed.ticketNumber() + " " + actionName(routed.action());
                        body = "工单 " + routed.ticketNumber() + "（" + names.category() + "）"
                                + actionName(routed.action())
                                + (routed.reason() == null ? "" : "，原因：" + PersonalData.phonesIn(routed.reason()))
                                + "。";
                    }
                }
            }
            case WhistleReported reported -> {
                template = "whistle-reported." + reported.report();
                if (addressee.reporter()) {
                    title = "您的哨情已处理完毕";
                    body = "您反映的问题（" + code + "）已处理完毕，请评价：" + ratingLink(code, parameters);
                } else {
                    title = names.unit(reported.unitId()) + reportName(reported.report());
                    body = names.unit(reported.unitId()) + "对" + names.ticket() + "（" + names.category() + "）"
                            + reportName(reported.report())
                            + (reported.note() == null ? "" : "：" + PersonalData.phonesIn(reported.note()));
                }
            }
            case WhistleEscalated escalated -> {
                template = "whistle-escalated." + escalated.kind();
                var clock = clockName(escalated.clock());
                var due = shanghai(escalated.dueAt());
                if (escalated.kind() == WhistleEscalated.Kind.ESCALATION) {
                    var above = escalated.toLevel() == null ? null : names.centre(escalated.toLevel());
                    title = "督办：" + names.ticket() + " " + clock + "时限已超期";
                    body = (addressee.leader()
                                    ? "督办通知：贵单位（" + names.unit(escalated.unitId()) + "）"
                                    : names.unit(escalated.unitId()))
                            + "承办的" + names.ticket() + "（" + names.category() + "）" + clock + "时限已于 " + due + " 超期"
                            + (above == null ? "" : "，已升级至" + above)
                            + (escalated.redList() ? "，已列入红榜" : "") + "。";
                } else if (escalated.clock() == ClockKind.FILE) {
                    title = "受理预警：" + names.category() + "哨情即将超时";
                    body = "辖区内一件" + names.category() + "哨情尚未受理，受理时限将于 " + due + " 到期，请尽快受理。";
                } else {
                    title = "预警：" + names.ticket() + " " + clock + "时限即将到期";
                    body = names.unit(escalated.unitId()) + "：" + names.ticket() + "（" + names.category() + "）的" + clock
                            + "时限将于 " + due + " 到期，请尽快" + clock + "。";
                }
            }
            case WhistleSupervised supervised -> {
                template = "whistle-supervised." + supervised.kind();
                parameters.put("ticketNumber", supervised.ticketNumber());
                var order = supervised.kind() == WhistleSupervised.Kind.ORDER ? "督办" : "催办";
                title = order + "：工单 " + supervised.ticketNumber();
                body = names.centre(supervised.issuedBy()) + "对工单 " + supervised.ticketNumber() + "（"
                        + names.category() + "）" + order + "：" + PersonalData.phonesIn(supervised.reason())
                        + " 请" + names.unit(supervised.againstUnitId()) + "于 " + shanghai(supervised.dueBy())
                        + " 前办结。";
            }
            case WhistleClosed closed -> {
                template = "whistle-closed." + closed.outcome();
                title = "您的哨情已结案";
                body = "您反映的问题（" + code + "）已结案：" + outcomeName(closed.outcome()) + "。";
            }
            case WhistleFeedback feedback -> {
                template = "whistle-feedback";
                title = feedback.resolved() ? "回访：已解决" : "回访：未解决，需返工";
                body = names.ticket() + "（" + names.category() + "）群众评价：" + ratingName(feedback.rating())
                        + (feedback.resolved() ? "" : "，反映问题未解决");
            }
            default -> {
                template = envelope.type();
                title = envelope.type();
                body = envelope.type();
            }
        }
        return new Message(template, title, body, parameters);
    }

    private static final DateTimeFormatter SHANGHAI =
            DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** A time as people in the city read it. */
    static String shanghai(Instant at) {
        return SHANGHAI.format(at);
    }

    private static String clockName(ClockKind clock) {
        return switch (clock) {
            case FILE -> "受理";
            case REPORT_IN -> "报到";
            case CONTACT_REPORTER -> "先行联系";
            case RESOLVE -> "办结";
            case VERIFY -> "核查";
            case FOLLOW_UP -> "回访";
        };
    }

    private String ratingLink(String code, LinkedHashMap<String, String> parameters) {
        var link = ratingLinkBase + code;
        parameters.put("ratingLink", link);
        return link;
    }

    private static String describe(@Nullable String address) {
        return address == null ? "位置见地图" : address;
    }

    private static String actionName(WhistleRouted.Action action) {
        return switch (action) {
            case FILED -> "已受理";
            case SUMMONED -> "已派哨";
            case TRANSFERRED -> "已转交";
            case RETURNED -> "已退回指挥中心";
            case EXTENDED -> "已批准延期";
            case SUSPENDED -> "已挂账";
            case RESUMED -> "已恢复办理";
            case VERIFIED -> "已核查通过";
            case REOPENED -> "需返工";
            case LEVEL_RAISED -> "已升级";
            default -> "有新进展";
        };
    }

    private static String reportName(WhistleReported.Report report) {
        return switch (report) {
            case REPORTED_IN -> "已报到";
            case ON_SITE -> "已到场";
            case PROGRESS -> "报告进展";
            case CONTACTED_REPORTER -> "已联系群众";
            case DONE -> "报告办结";
            case DECLINED -> "退回工单";
            default -> "报告进展";
        };
    }

    private static String outcomeName(WhistleClosed.Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> "已解决";
            case NO_ANSWER -> "回访未获答复";
            case REJECTED -> "不予受理";
            case MERGED -> "已并入同一问题的工单";
            default -> "已办结";
        };
    }

    private static String ratingName(Rating rating) {
        return switch (rating) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
            default -> "已评价";
        };
    }

    private static String summonsText(List<WhistleRouted.Summons> summons, Names names) {
        return summons.stream()
                .filter(WhistleRouted.Summons::lead)
                .findFirst()
                .map(lead -> "牵头单位 " + names.unit(lead.unitId()))
                .orElse("请按时报到");
    }
}
