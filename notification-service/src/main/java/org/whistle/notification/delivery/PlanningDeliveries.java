package org.whistle.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleEvent;
import org.whistle.messaging.deadletter.PoisonEventException;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.domain.Addressee;
import org.whistle.notification.delivery.domain.DeliveryStatus;
import org.whistle.notification.delivery.domain.Message;
import org.whistle.notification.delivery.domain.Messages;
import org.whistle.notification.delivery.domain.QuietRules;
import org.whistle.notification.rules.RuleTable;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.EventFacts;
import org.whistle.notification.rules.domain.Selector;
import org.whistle.notification.rules.domain.UrgencyClass;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consumes every whistle event and plans who is told over which channel, in the transaction that records the event
 * as handled: a redelivered event plans nothing, and the delivery log's unique key keeps one delivery per event,
 * recipient, channel and target. Sending happens after the commit.
 *
 * <p>A poll's records are planned in one transaction (one commit, one look at the rules' revision). If any of them
 * fails, that transaction rolls back and the records are planned one by one, each in its own: those before the
 * failing one commit, and the failing one alone goes to the error handler (retried, then dead-lettered) while the rest
 * of the poll is delivered again — and planned once, as each event is recorded as handled with its effect.
 *
 * <p>Live-page deliveries (SSE) are not written to the delivery log (ADR 0056): they are collected while planning and
 * pushed once the transaction that planned them has committed — never for a transaction that rolled back, and never
 * twice, since a redelivered event plans nothing.
 */
@Component
class PlanningDeliveries {

    static final String CONSUMER = "notification-service";
    private static final Logger LOG = LoggerFactory.getLogger(PlanningDeliveries.class);
    private static final LogAccessor DESERIALIZATION_LOG = new LogAccessor(PlanningDeliveries.class);

    private final IdempotentHandling handling;
    private final TransactionTemplate transactions;
    private final WhistleContexts contexts;
    private final RuleTable rules;
    private final ChoosingRecipients recipients;
    private final DeliveryLog log;
    private final SendingDeliveries sender;
    private final LiveUpdates live;
    private final Map<ChannelKind, Channel> channels = new HashMap<>();
    private final Messages messages;
    private final QuietRules quiet;
    private final Clock clock;
    private final OrgReferenceCopy org;
    private final EventTracing tracing;

    PlanningDeliveries(
            IdempotentHandling handling,
            TransactionTemplate transactions,
            WhistleContexts contexts,
            RuleTable rules,
            ChoosingRecipients recipients,
            DeliveryLog log,
            SendingDeliveries sender,
            LiveUpdates live,
            List<Channel> channels,
            NotificationProperties properties,
            Clock clock,
            OrgReferenceCopy org,
            EventTracing tracing) {
        this.handling = handling;
        this.tracing = tracing;
        this.transactions = transactions;
        this.contexts = contexts;
        this.rules = rules;
        this.recipients = recipients;
        this.log = log;
        this.sender = sender;
        this.live = live;
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.messages = new Messages(properties.ratingLinkBase());
        this.quiet = new QuietRules(properties.reporterHourlyLimit(), properties.reporterWindow());
        this.clock = clock;
        this.org = org;
    }

    @KafkaListener(
            id = "notification-planner",
            groupId = CONSUMER,
            batch = "true",
            topics = {
                Topics.WHISTLE_RAISED,
                Topics.WHISTLE_ROUTED,
                Topics.WHISTLE_REPORTED,
                Topics.WHISTLE_CLOSED,
                Topics.WHISTLE_ESCALATED,
                Topics.WHISTLE_FEEDBACK
            })
    void on(List<ConsumerRecord<String, @Nullable EventEnvelope<?>>> records) {
        rules.refresh();
        int planned;
        var liveDeliveries = new ArrayList<Delivery>();
        try {
            planned = Objects.requireNonNullElse(
                    transactions.execute(status -> {
                        int handled = 0;
                        for (var record : records) {
                            if (handleOnce(record, liveDeliveries)) {
                                handled++;
                            }
                        }
                        return handled;
                    }),
                    0);
            pushCommitted(liveDeliveries);
        } catch (RuntimeException batchFailed) {
            LOG.debug("a poll of {} records failed as a whole; planning them one by one", records.size(), batchFailed);
            planned = oneByOne(records);
        }
        if (planned > 0) {
            sender.wake();
        }
    }

    /** Each record in its own transaction; the first that fails is handed to the error handler by its index. */
    private int oneByOne(List<ConsumerRecord<String, @Nullable EventEnvelope<?>>> records) {
        int planned = 0;
        for (int index = 0; index < records.size(); index++) {
            var record = records.get(index);
            var liveDeliveries = new ArrayList<Delivery>();
            try {
                if (handleOnce(record, liveDeliveries)) {
                    planned++;
                }
                pushCommitted(liveDeliveries);
            } catch (RuntimeException e) {
                if (planned > 0) {
                    sender.wake();
                }
                throw new BatchListenerFailedException(
                        "could not plan " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                        e,
                        index);
            }
        }
        return planned;
    }

    /** Live deliveries go out only once the transaction that planned them has committed. */
    private void pushCommitted(List<Delivery> liveDeliveries) {
        if (!liveDeliveries.isEmpty()) {
            live.push(List.copyOf(liveDeliveries));
        }
    }

    /** Plans one record in its trace: a poll planned in one transaction still shows each event's hop (ADR 0054). */
    private boolean handleOnce(
            ConsumerRecord<String, @Nullable EventEnvelope<?>> record, List<Delivery> liveDeliveries) {
        var handled = new boolean[1];
        tracing.continuing(record, () -> handled[0] = handleUntraced(record, liveDeliveries));
        return handled[0];
    }

    private boolean handleUntraced(
            ConsumerRecord<String, @Nullable EventEnvelope<?>> record, List<Delivery> liveDeliveries) {
        var event = record.value();
        if (event == null) {
            // Not decodable: the error-handling deserializer left the value out and the reason in a header.
            var failure = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, DESERIALIZATION_LOG);
            throw failure != null ? failure : new PoisonEventException("an empty record: " + record.key());
        }
        return handling.handleOnce(CONSUMER, event, WhistleEvent.class, whistle -> plan(event, liveDeliveries));
    }

    private void plan(EventEnvelope<?> event, List<Delivery> liveDeliveries) {
        var context = contexts.learn(event);
        var facts = EventFacts.of(event);
        var payload = withoutTrackingCode(EventCodec.instance().encodeToString(event));
        var now = clock.instant();
        var names = new OrgNames(org, context, messages.texts());
        int planned = 0;
        // One live delivery per recipient (and leader's copy) and event, as the log's key keeps one of the others.
        var toldLive = new HashSet<String>();
        // Rules for action first: a recipient a rule for every event also reaches keeps the copy meant for its feed.
        var matching = rules.matching(facts).stream()
                .sorted(java.util.Comparator.comparing(rule -> !rule.forAction()))
                .toList();
        for (var rule : matching) {
            var urgency = facts.urgencyUnder(rule);
            var addressees = recipients.choose(rule.selector(), event, context);
            // The reporter's live page only learns that its whistle moved on (Messages.progress); an escalation is the
            // platform's own business and no step of theirs.
            if (!rule.forAction() && rule.selector() == Selector.REPORTER && event.data() instanceof WhistleEscalated) {
                continue;
            }
            for (var addressee : addressees) {
                Message message = !rule.forAction() && addressee.reporter()
                        ? messages.progress(event)
                        : messages.render(event, addressee, names);
                for (var kind : rule.channels()) {
                    if (kind == ChannelKind.SSE) {
                        if (addressee.recipient().reachableBy(kind)
                                && toldLive.add(addressee.recipient().address() + " " + addressee.leader())) {
                            liveDeliveries.add(new Delivery(
                                    0,
                                    event.id(),
                                    event.type(),
                                    context.whistleId(),
                                    addressee.recipient(),
                                    kind,
                                    "",
                                    addressee.leader(),
                                    urgency,
                                    message.template(),
                                    message.title(),
                                    message.body(),
                                    payload,
                                    rule.forAction()));
                        }
                        continue;
                    }
                    var channel = channels.get(kind);
                    if (channel == null || !addressee.recipient().reachableBy(kind)) {
                        continue;
                    }
                    if (kind == ChannelKind.SMS && addressee.leader()) {
                        // the phone a unit is texted on is its duty officers'; its leaders read their own inbox
                        continue;
                    }
                    if (kind == ChannelKind.WEBHOOK && addressee.leader() && toldAsItself(addressees, addressee)) {
                        // the unit's system is no person: it hears the event once, with the duty officers' copy
                        continue;
                    }
                    for (var target : channel.targets(addressee.recipient(), event.type())) {
                        var heldUntil = heldUntil(addressee, kind, urgency, context, now);
                        var status = heldUntil == null ? DeliveryStatus.PENDING : DeliveryStatus.DEFERRED;
                        var delivery = new Delivery(
                                0,
                                event.id(),
                                event.type(),
                                context.whistleId(),
                                addressee.recipient(),
                                kind,
                                target,
                                addressee.leader(),
                                urgency,
                                message.template(),
                                message.title(),
                                message.body(),
                                payload,
                                rule.forAction());
                        if (log.plan(delivery, status, now, heldUntil)) {
                            planned++;
                        }
                    }
                }
            }
        }
        LOG.debug("event {} {} planned {} deliveries", event.type(), event.id(), planned);
    }

    /**
     * The envelope webhooks receive and the delivery log keeps, without the reporter's tracking code: version 1 of
     * {@code whistle-raised} still carried it, and nothing this service keeps or forwards may.
     */
    static String withoutTrackingCode(String envelope) {
        if (!envelope.contains("\"trackingCode\"")) {
            return envelope;
        }
        var tree = JsonMapper.shared().readTree(envelope);
        if (tree.path("data") instanceof ObjectNode data && data.has("trackingCode")) {
            data.remove("trackingCode");
            return JsonMapper.shared().writeValueAsString(tree);
        }
        return envelope;
    }

    private static boolean toldAsItself(List<Addressee> addressees, Addressee leader) {
        return addressees.stream()
                .anyMatch(other -> !other.leader() && other.recipient().equals(leader.recipient()));
    }

    /** Null when the delivery goes out now; else when its quiet window lets it out (its release time). */
    private @Nullable Instant heldUntil(
            Addressee addressee, ChannelKind channel, UrgencyClass urgency, WhistleContext context, Instant now) {
        if (!quiet.limits(urgency, addressee, channel)) {
            return null;
        }
        return log.windowOpensAt(
                context.whistleId(),
                addressee.recipient(),
                channel,
                now.minus(quiet.window()),
                quiet.reporterLimit(),
                quiet.window());
    }
}
