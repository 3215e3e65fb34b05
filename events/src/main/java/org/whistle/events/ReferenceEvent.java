package org.whistle.events;

/**
 * Reference data from org-registry on compacted topics: each record carries the entity's whole current state, so
 * a consumer's local copy is the latest record per key (event-carried state transfer).
 */
public sealed interface ReferenceEvent extends EventData
        permits OrgUnitChanged, CategoryChanged, RoutingRuleChanged, DeadlinePolicyChanged, CalendarChanged {}
