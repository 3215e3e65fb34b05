package org.whistle.events;

/** An event in one whistle's lifecycle; keyed by the whistle id so a whistle's events stay in order. */
public sealed interface WhistleEvent extends EventData
        permits WhistleRaised,
                WhistleRouted,
                WhistleReported,
                WhistleClosed,
                WhistleEscalated,
                WhistleFeedback,
                WhistleSupervised {

    WhistleId whistleId();

    @Override
    default String key() {
        return whistleId().toString();
    }
}
