package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;

/** Units, actors and tickets brought into any state, for the ticket tests. */
final class TicketFixtures {

    static final Instant T0 = Instant.parse("2026-05-21T01:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofDays(1));

    static final UnitCode STREET_CENTRE = UnitCode.of("QQ-230225-GNZ-ZHZX");
    static final UnitCode OTHER_STREET_CENTRE = UnitCode.of("QQ-230225-XHZ-ZHZX");
    static final UnitCode DISTRICT_CENTRE = UnitCode.of("QQ-230225-ZHZX");
    static final UnitCode CITY_CENTRE = UnitCode.of("QQ-ZHZX");
    static final UnitCode LEAD = UnitCode.of("QQ-230225-ZJJ-LZG");
    static final UnitCode CO = UnitCode.of("QQ-230225-CGJ");
    static final UnitCode NEWCOMER = UnitCode.of("QQ-230225-XFJ");
    static final CategoryCode ROAD_DAMAGE = CategoryCode.of("ROAD-DAMAGE");

    static final Actor GRID_WORKER = new Actor("u-lishuxia", "QQ-230225-GNZ-FRSQ", "GRID_WORKER");
    static final Actor DISPATCHER = new Actor("u-dispatcher", STREET_CENTRE.value(), "STREET_DISPATCHER");
    static final Actor SLA = Actor.system("sla-service");

    static final EvidenceRef PHOTO = new EvidenceRef("m-road-after", "image/jpeg", "ab".repeat(32));
    static final ReopenPolicy REOPEN_WITHIN_30_DAYS = ReopenPolicy.withinDays(30);
    static final ExtensionPolicy EXTENSIONS = new ExtensionPolicy(2, Duration.ofDays(3));

    private static int seq;

    private TicketFixtures() {}

    static Actor officerOf(UnitCode unit) {
        return new Actor("u-officer-" + unit.value(), unit.value(), "DEPARTMENT_OFFICER");
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Ticket raised() {
        var id = new TicketId(UUID.nameUUIDFromBytes(("t" + ++seq).getBytes()));
        return Ticket.raise(
                id,
                new WhistleId(UUID.nameUUIDFromBytes(("w" + seq).getBytes())),
                TicketNumber.issue("QQHR", T0, seq),
                ROAD_DAMAGE,
                Urgency.URGENT,
                STREET_CENTRE,
                DISTRICT_CENTRE,
                GRID_WORKER,
                T0);
    }

    /**
     * A ticket in {@code state}, reached the ordinary way. From DISPATCHED on, {@link #LEAD} leads and {@link #CO}
     * co-handles; in IN_PROGRESS only the lead has reported in; RETURNED means both declined; SUSPENDED was FILED.
     */
    static Ticket inState(TicketState state) {
        var t = raised();
        switch (state) {
            case RAISED -> {}
            case FILED -> t.file(DISPATCHER, at(1));
            case REJECTED -> t.reject("not a public matter", DISPATCHER, at(1));
            case MERGED -> t.mergeInto(raised(), DISPATCHER, at(1));
            case SUSPENDED -> {
                t.file(DISPATCHER, at(1));
                t.suspend("waiting for spring thaw", DISPATCHER, at(2));
            }
            case DISPATCHED -> dispatch(t);
            case RETURNED -> {
                dispatch(t);
                t.decline(CO, "not ours", officerOf(CO), at(3));
                t.decline(LEAD, "not ours either", officerOf(LEAD), at(4));
            }
            case IN_PROGRESS -> inProgress(t);
            case RESOLVED -> resolved(t);
            case VERIFIED -> {
                resolved(t);
                t.verify(DISPATCHER, at(20));
            }
            case CLOSED -> {
                resolved(t);
                t.verify(DISPATCHER, at(20));
                t.close(Outcome.RESOLVED, DISPATCHER, at(30));
            }
        }
        t.clearEvents();
        return t;
    }

    private static void dispatch(Ticket t) {
        t.file(DISPATCHER, at(1));
        t.summon(LEAD, List.of(LEAD, CO), DISPATCHER, at(2));
    }

    private static void inProgress(Ticket t) {
        dispatch(t);
        t.reportIn(LEAD, officerOf(LEAD), at(3));
    }

    private static void resolved(Ticket t) {
        inProgress(t);
        t.onSite(LEAD, officerOf(LEAD), at(10));
        t.done(LEAD, "road patched", List.of(PHOTO), officerOf(LEAD), at(15));
    }
}
