package org.whistle.notification.delivery.domain;

import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EventEnvelope;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
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

    public Message render(EventEnvelope<?> envelope, Addressee addressee) {
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
                title = "新哨情 " + raised.categoryCode();
                body = "辖区内新吹哨：" + raised.categoryCode() + "，"
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
                        body = "工单 " + routed.ticketNumber() + "（" + routed.categoryCode() + "）召集您单位报到，"
                                + summonsText(routed.summons()) + "。";
                    }
                    case VERIFIED -> {
                        title = "您的哨情已办结";
                        body = "您反映的问题（" + code + "）已办结并核查，请评价：" + ratingLink(code, parameters);
                    }
                    default -> {
                        title = "工单 " + routed.ticketNumber() + " " + routed.action();
                        body = "工单 " + routed.ticketNumber() + " 状态：" + routed.state()
                                + (routed.reason() == null ? "" : "，原因：" + PersonalData.phonesIn(routed.reason()));
                    }
                }
            }
            case WhistleReported reported -> {
                template = "whistle-reported." + reported.report();
                if (addressee.reporter()) {
                    title = "您的哨情已处理完毕";
                    body = "您反映的问题（" + code + "）已处理完毕，请评价：" + ratingLink(code, parameters);
                } else {
                    title = "单位 " + reported.unitId() + " " + reported.report();
                    body = "单位 " + reported.unitId() + " 报告 " + reported.report()
                            + (reported.note() == null ? "" : "：" + PersonalData.phonesIn(reported.note()));
                }
            }
            case WhistleEscalated escalated -> {
                template = "whistle-escalated." + escalated.kind();
                boolean expired = escalated.kind() == WhistleEscalated.Kind.ESCALATION;
                title = (expired ? "督办：" : "预警：") + escalated.clock() + " 时限" + (expired ? "已超期" : "即将到期");
                body = (addressee.leader() ? "督办通知：贵单位" : "单位 " + escalated.unitId())
                        + " 的 " + escalated.clock() + " 时限 " + escalated.dueAt()
                        + (expired ? " 已超期，升级至 " + escalated.toLevel() : " 即将到期")
                        + (escalated.redList() ? "，已列入红榜" : "") + "。";
            }
            case WhistleClosed closed -> {
                template = "whistle-closed." + closed.outcome();
                title = "您的哨情已结案";
                body = "您反映的问题（" + code + "）已结案：" + closed.outcome() + "。";
            }
            case WhistleFeedback feedback -> {
                template = "whistle-feedback";
                title = feedback.resolved() ? "回访：已解决" : "回访：未解决，需返工";
                body = "群众评价 " + feedback.rating() + (feedback.resolved() ? "" : "，反映问题未解决");
            }
            default -> {
                template = envelope.type();
                title = envelope.type();
                body = envelope.type();
            }
        }
        return new Message(template, title, body, parameters);
    }

    private String ratingLink(String code, LinkedHashMap<String, String> parameters) {
        var link = ratingLinkBase + code;
        parameters.put("ratingLink", link);
        return link;
    }

    private static String describe(@Nullable String address) {
        return address == null ? "位置见地图" : address;
    }

    private static String summonsText(List<WhistleRouted.Summons> summons) {
        return summons.stream()
                .filter(WhistleRouted.Summons::lead)
                .findFirst()
                .map(lead -> "牵头单位 " + lead.unitId())
                .orElse("请按时报到");
    }
}
