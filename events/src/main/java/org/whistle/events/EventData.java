package org.whistle.events;

/** The {@code data} of an event: a past-tense fact carrying ids and values, never an entity. */
public sealed interface EventData permits WhistleEvent, ReferenceEvent, TimelineCheckpoint, UnitRated, MembersEvent {

    /** The Kafka record key, which keeps one subject's events in order within a topic. */
    String key();
}
