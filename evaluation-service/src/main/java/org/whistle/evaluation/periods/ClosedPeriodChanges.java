package org.whistle.evaluation.periods;

import java.time.Clock;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.evaluation.streams.CaseListener;
import org.whistle.events.EventEnvelope;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * Turns a change to a case of a closed period — a late event, or a later one — into a pending adjustment with the
 * event as its reason, instead of changing a published figure. A change that counts the same changes nothing.
 */
@Component
class ClosedPeriodChanges implements CaseListener {

    private final Periods periods;
    private final Clock clock;

    ClosedPeriodChanges(Periods periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public void changed(@Nullable CaseRecord before, CaseRecord after, EventEnvelope<?> event) {
        if (before != null && before.countsAs(after)) {
            return;
        }
        var codes = new LinkedHashSet<String>();
        if (before != null) {
            codes.addAll(periods.closedOn(before.countDate()));
        }
        codes.addAll(periods.closedOn(after.countDate()));
        for (var code : codes) {
            periods.propose(
                    code, after.whistleId(), event.id(), "期间关闭后收到：" + describe(event), author(event), clock.instant());
        }
    }

    private static String describe(EventEnvelope<?> event) {
        return switch (event.data()) {
            case WhistleRaised r -> "上报";
            case WhistleRouted r ->
                switch (r.action()) {
                    case FILED -> "立案";
                    case SUMMONED -> "派遣";
                    case TRANSFERRED -> "转交";
                    case RETURNED -> "退回";
                    case EXTENDED -> "延期";
                    case SUSPENDED -> "挂账";
                    case RESUMED -> "恢复办理";
                    case VERIFIED -> "核查通过";
                    case REOPENED -> "返工";
                    case LEVEL_RAISED -> "提级";
                };
            case WhistleReported r ->
                switch (r.report()) {
                    case REPORTED_IN -> "单位报到";
                    case ON_SITE -> "单位到场";
                    case PROGRESS -> "处置进展";
                    case CONTACTED_REPORTER -> "先行联系";
                    case DONE -> "单位办结";
                    case DECLINED -> "单位退回";
                };
            case WhistleClosed c -> "结案";
            case WhistleEscalated e -> e.kind() == WhistleEscalated.Kind.ESCALATION ? "时限超期" : "时限预警";
            case WhistleFeedback f -> "回访评价";
            default -> "案件事件";
        };
    }

    private static String author(EventEnvelope<?> event) {
        return switch (event.data()) {
            case WhistleRouted r -> r.actor().userId();
            case WhistleReported r -> r.actor().userId();
            case WhistleClosed c -> c.actor().userId();
            case WhistleFeedback f ->
                f.recordedBy() == null ? "reporter" : f.recordedBy().userId();
            default -> "system:" + event.producer();
        };
    }
}
