package org.whistle.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code whistle.messaging.*}: how the outbox relay polls and retains, how consumers retry before dead-lettering.
 */
@ConfigurationProperties("whistle.messaging")
public record MessagingProperties(
        @DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

    /**
     * @param relayEnabled off only where another process publishes this database's outbox
     * @param pollInterval how often the relay looks for rows written by other replicas; local commits wake it at once
     * @param stopGrace how long shutdown lets a batch in flight finish before interrupting it
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("8") int lanes,
            @DefaultValue("7d") Duration publishedRetention,
            @DefaultValue("5s") Duration stopGrace) {}

    /**
     * @param handledRetention how long handled event ids are remembered; longer than any topic's retention
     * @param foldHistory whether this service applies generated history (ADR 0032): only a service that derives
     *     figures from the past (evaluation) turns it on; a live actor must never act on history
     */
    public record Consumer(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("200d") Duration handledRetention,
            @DefaultValue("false") boolean foldHistory) {}
}
