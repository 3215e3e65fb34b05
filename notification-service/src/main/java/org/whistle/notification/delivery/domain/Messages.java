package org.whistle.notification.delivery.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Catalogue;

/**
 * Writes the message for an event, from the message catalogue ({@link Catalogue}): every text by key, with names for
 * units, centres and categories ({@link Names}) and times in Asia/Shanghai, never a code or an enum. Reporter-facing
 * texts carry the tracking code, and on resolution the rating link ({@code ratingLinkBase} followed by the tracking
 * code) — as the placeholder {@link #TRACKING_CODE}, which only the SMS/WeChat channels fill in as they send
 * ({@link #withTrackingCode}), so the delivery log, inbox, live feed, logs and metrics never hold the reporter's
 * secret. Texts never carry the reporter's phone or name, and notes and reasons copied from events are masked again,
 * whoever wrote a number into them.
 */
public record Messages(String ratingLinkBase, Catalogue texts) {

    /** Stands for the tracking code in stored texts; reads as "(tracking code)" where it is not filled in. */
    public static final String TRACKING_CODE = "〔查询码〕";

    /** Messages in the catalogue's default language, Chinese. */
    public Messages(String ratingLinkBase) {
        this(ratingLinkBase, Catalogue.chinese());
    }

    /** The text as sent to the reporter's own phone: the placeholder replaced by their code, when it is known. */
    public static String withTrackingCode(String text, @Nullable String trackingCode) {
        return trackingCode == null || trackingCode.isBlank() ? text : text.replace(TRACKING_CODE, trackingCode);
    }

    /**
     * The text as sent through WeChat: without the tracking code. WeChat's messages pass through WeChat's servers
     * and the reporter signed in there follows the whistle with their account, so the code that lets anyone who holds
     * it see the whistle is left out, with its brackets; a rating link keeps only its base.
     */
    public static String withoutTrackingCode(String text) {
        return text.replace("（" + TRACKING_CODE + "）", "").replace(TRACKING_CODE, "");
    }

    public Message render(EventEnvelope<?> envelope, Addressee addressee, Names names) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("trackingCode", TRACKING_CODE);
        parameters.put("whistleId", String.valueOf(envelope.whistleId()));
        var text = new Text(names);
        String template;
        String title;
        String body;
        switch (envelope.data()) {
            case WhistleRaised raised -> {
                template = "whistle-raised";
                title = text.of("notification.raised.title");
                var address = raised.location().address();
                body = text.with("place", address == null ? texts.text("name.place.unknown") : address)
                        .of("notification.raised.body");
            }
            case WhistleRouted routed -> {
                template = "whistle-routed." + routed.action();
                parameters.put("ticketNumber", routed.ticketNumber());
                text.with("ticketNumber", routed.ticketNumber());
                switch (routed.action()) {
                    case FILED -> {
                        if (addressee.reporter()) {
                            title = text.of("notification.filed.title");
                            body = text.of("notification.filed.body");
                        } else {
                            title = routedTitle(routed, text);
                            body = routedBody(routed, text);
                        }
                    }
                    case SUMMONED -> {
                        title = text.of("notification.summoned.title");
                        body = text.with("lead", summonsText(routed.summons(), names))
                                .of("notification.summoned.body");
                    }
                    case VERIFIED -> {
                        if (addressee.reporter()) {
                            title = text.of("notification.verified.title");
                            body = text.with("ratingLink", ratingLink(parameters))
                                    .of("notification.verified.body");
                        } else {
                            title = routedTitle(routed, text);
                            body = routedBody(routed, text);
                        }
                    }
                    default -> {
                        title = routedTitle(routed, text);
                        body = routedBody(routed, text);
                    }
                }
            }
            case WhistleReported reported -> {
                template = "whistle-reported." + reported.report();
                if (addressee.reporter()) {
                    title = text.of("notification.reported.reporter.title");
                    body = text.with("ratingLink", ratingLink(parameters)).of("notification.reported.reporter.body");
                } else {
                    text.with("unit", names.unit(reported.unitId()))
                            .with("report", texts.name("report", reported.report()));
                    title = text.of("notification.reported.title");
                    body = reported.note() == null
                            ? text.of("notification.reported.body")
                            : text.with("note", PersonalData.phonesIn(reported.note()))
                                    .of("notification.reported.bodyWithNote");
                }
            }
            case WhistleEscalated escalated -> {
                template = "whistle-escalated." + escalated.kind();
                text.with("clock", texts.name("clock", escalated.clock())).with("due", texts.time(escalated.dueAt()));
                if (escalated.kind() == WhistleEscalated.Kind.ESCALATION) {
                    title = escalationTitle(escalated, text);
                    body = escalationBody(escalated, addressee, names, text);
                } else if (escalated.clock() == ClockKind.FILE) {
                    title = text.of("notification.warning.file.title");
                    body = text.of("notification.warning.file.body");
                } else {
                    title = text.of("notification.warning.title");
                    body = text.with("unit", names.unit(escalated.unitId())).of("notification.warning.body");
                }
            }
            case WhistleSupervised supervised -> {
                template = "whistle-supervised." + supervised.kind();
                parameters.put("ticketNumber", supervised.ticketNumber());
                text.with("ticketNumber", supervised.ticketNumber())
                        .with("order", texts.name("supervision", supervised.kind()));
                title = text.of("notification.supervised.title");
                body = text.with("centre", names.centre(supervised.issuedBy()))
                        .with("reason", PersonalData.phonesIn(supervised.reason()))
                        .with("unit", names.unit(supervised.againstUnitId()))
                        .with("due", texts.time(supervised.dueBy()))
                        .of("notification.supervised.body");
            }
            case WhistleClosed closed -> {
                template = "whistle-closed." + closed.outcome();
                text.with("outcome", texts.name("outcome", closed.outcome()));
                title = text.of(
                        addressee.reporter() ? "notification.closed.title" : "notification.closed.others.title");
                body = text.of(addressee.reporter() ? "notification.closed.body" : "notification.closed.others.body");
            }
            case WhistleFeedback feedback -> {
                template = "whistle-feedback";
                text.with("rating", texts.name("rating", feedback.rating()));
                title = text.of(
                        feedback.resolved()
                                ? "notification.feedback.resolved.title"
                                : "notification.feedback.unresolved.title");
                body = text.of(
                        feedback.resolved()
                                ? "notification.feedback.resolved.body"
                                : "notification.feedback.unresolved.body");
            }
            default -> {
                template = envelope.type();
                title = text.of("notification.other.title");
                body = text.of("notification.other.body");
            }
        }
        return new Message(template, title, body, parameters);
    }

    /**
     * What the reporter's live 进度 page is told by the rule for every event: only that its whistle moved on. The page
     * reads the whistle again and shows the step as intake tells the reporter; what units, centres and escalations
     * did stays with them.
     */
    public Message progress(EventEnvelope<?> envelope) {
        return new Message(
                "progress",
                texts.text("notification.progress.title"),
                texts.text("notification.progress.body"),
                Map.of("whistleId", String.valueOf(envelope.whistleId())));
    }

    /** What the command platform did, as the centres and units read it (the reporter has texts of their own). */
    private String routedTitle(WhistleRouted routed, Text text) {
        return text.with("action", texts.name("routed", routed.action())).of("notification.routed.title");
    }

    private String routedBody(WhistleRouted routed, Text text) {
        text.with("action", texts.name("routed", routed.action()));
        return routed.reason() == null
                ? text.of("notification.routed.body")
                : text.with("reason", PersonalData.phonesIn(routed.reason())).of("notification.routed.bodyWithReason");
    }

    /** A whistle not yet filed has no unit: its centre missed the filing time, and the text says so. */
    private String escalationTitle(WhistleEscalated escalated, Text text) {
        return unfiled(escalated)
                ? text.of("notification.escalated.unfiled.title")
                : text.of("notification.escalated.title");
    }

    private String escalationBody(WhistleEscalated escalated, Addressee addressee, Names names, Text text) {
        @Nullable CommandLevel above = escalated.toLevel();
        if (above != null) {
            text.with("centre", names.centre(above));
        }
        if (unfiled(escalated)) {
            return text.of(
                    above == null ? "notification.escalated.unfiled.bodyLast" : "notification.escalated.unfiled.body");
        }
        text.with("unit", names.unit(escalated.unitId()));
        var key = (addressee.leader() ? "notification.escalated.leader." : "notification.escalated.")
                + (above == null ? "body" : "bodyRaised");
        var body = text.of(key);
        // redList is the contract's name for the list of late units; people call it the black list (黑榜), never 红榜
        return escalated.redList() ? body + texts.text("notification.escalated.blackList") : body;
    }

    private static boolean unfiled(WhistleEscalated escalated) {
        return escalated.clock() == ClockKind.FILE && escalated.unitId() == null;
    }

    private String ratingLink(LinkedHashMap<String, String> parameters) {
        var link = ratingLinkBase + TRACKING_CODE;
        parameters.put("ratingLink", link);
        return link;
    }

    private String summonsText(List<WhistleRouted.Summons> summons, Names names) {
        return summons.stream()
                .filter(WhistleRouted.Summons::lead)
                .findFirst()
                .map(lead -> texts.text("notification.summoned.lead", Map.of("unit", names.unit(lead.unitId()))))
                .orElseGet(() -> texts.text("notification.summoned.noLead"));
    }

    /** The parameters of one event's texts: the names every text may use, and what the event adds. */
    private final class Text {

        private final Map<String, Object> parameters = new HashMap<>();

        Text(Names names) {
            parameters.put("category", names.category());
            parameters.put("ticket", names.ticket());
            parameters.put("code", TRACKING_CODE);
        }

        Text with(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        String of(String key) {
            return texts.text(key, parameters);
        }
    }
}
