package org.whistle.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type with its version, topic and record class. Within a version fields are only added; a breaking
 * change is a new constant with the next version, published side by side until consumers move (design §3). A
 * version marked superseded is still read (documents of it stay on the topics until retention drops them) into the
 * record of its successor, but no longer written: {@link #of} names the current version only (ADR 0018).
 */
public enum EventType {
    /** v2 (ADR 0018): without {@code trackingCode}, the reporter's secret, which must not travel on the bus. */
    WHISTLE_RAISED("whistle-raised", 2, Topics.WHISTLE_RAISED, WhistleRaised.class),
    /** Read only: v1 documents decode into the v2 record, their {@code trackingCode} ignored. */
    WHISTLE_RAISED_V1("whistle-raised", 1, Topics.WHISTLE_RAISED, WhistleRaised.class, true),
    /** v2 (ADR 0023): without {@code deadlines}, and {@code urgency} where v1 said {@code priority}. */
    WHISTLE_ROUTED("whistle-routed", 2, Topics.WHISTLE_ROUTED, WhistleRouted.class),
    /** Read only: v1 documents decode into the v2 record, {@code priority} as its urgency, {@code deadlines} ignored. */
    WHISTLE_ROUTED_V1("whistle-routed", 1, Topics.WHISTLE_ROUTED, WhistleRouted.class, true),
    WHISTLE_REPORTED("whistle-reported", 1, Topics.WHISTLE_REPORTED, WhistleReported.class),
    WHISTLE_CLOSED("whistle-closed", 1, Topics.WHISTLE_CLOSED, WhistleClosed.class),
    WHISTLE_ESCALATED("whistle-escalated", 1, Topics.WHISTLE_ESCALATED, WhistleEscalated.class),
    WHISTLE_FEEDBACK("whistle-feedback", 1, Topics.WHISTLE_FEEDBACK, WhistleFeedback.class),
    /** On the routing topic, in order with the ticket's other routing facts. */
    WHISTLE_SUPERVISED("whistle-supervised", 1, Topics.WHISTLE_ROUTED, WhistleSupervised.class),
    TIMELINE_CHECKPOINT("timeline-checkpoint", 1, Topics.TIMELINE_CHECKPOINTS, TimelineCheckpoint.class),
    ORG_UNIT_CHANGED("org-unit-changed", 1, Topics.ORG_UNITS, OrgUnitChanged.class),
    CATEGORY_CHANGED("org-category-changed", 1, Topics.ORG_CATEGORIES, CategoryChanged.class),
    ROUTING_RULE_CHANGED("org-routing-rule-changed", 1, Topics.ORG_RULES, RoutingRuleChanged.class),
    DEADLINE_POLICY_CHANGED("org-deadline-policy-changed", 1, Topics.ORG_RULES, DeadlinePolicyChanged.class),
    CALENDAR_CHANGED("org-calendar-changed", 1, Topics.ORG_CALENDARS, CalendarChanged.class),
    /** 双考核: a centre's rating of a summoned unit's part, or the decision on the unit's appeal (ADR 0025). */
    UNIT_RATED("unit-rated", 1, Topics.EVALUATION_RATINGS, UnitRated.class);

    private final String typeName;
    private final int version;
    private final String topic;
    private final Class<? extends EventData> dataClass;
    private final boolean superseded;

    EventType(String typeName, int version, String topic, Class<? extends EventData> dataClass) {
        this(typeName, version, topic, dataClass, false);
    }

    EventType(String typeName, int version, String topic, Class<? extends EventData> dataClass, boolean superseded) {
        this.typeName = typeName;
        this.version = version;
        this.topic = topic;
        this.dataClass = dataClass;
        this.superseded = superseded;
    }

    /** Whether a newer version replaced this one: read, never written. */
    public boolean superseded() {
        return superseded;
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Class-path location of the JSON Schema that documents of this type and version must satisfy. */
    public String schemaResource() {
        return "/org/whistle/events/schemas/" + typeName + ".v" + version + ".schema.json";
    }

    public static EventType of(EventData data) {
        return of(data.getClass());
    }

    /** The version producers write for a record class: never a superseded one. */
    public static EventType of(Class<? extends EventData> dataClass) {
        return Arrays.stream(values())
                .filter(type -> !type.superseded && type.dataClass.equals(dataClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass.getName()));
    }

    public static Optional<EventType> named(String typeName, int version) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName) && type.version == version)
                .findFirst();
    }
}
