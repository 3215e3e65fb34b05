package org.whistle.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.whistle.events.Channel;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * Intake's business meters (ADR 0049): {@code whistle_intake_whistles_raised_total{channel,category}} and
 * {@code whistle_intake_followup_answers_total{kind}}. Counted once the transaction that stored the whistle or answer
 * commits, so a refused or rolled-back request counts nothing. Labels are codes, never text a person wrote: the
 * category is the main category's code (a few tens in a city's catalogue), and past {@link #MAX_CATEGORIES} distinct
 * ones the rest count as {@code other}, so a catalogue that grows cannot grow the series without bound.
 */
@Component
public class IntakeMetrics {

    /** Distinct category labels this process keeps before it groups the rest as {@code other}. */
    static final int MAX_CATEGORIES = 64;

    static final String RAISED = "whistle.intake.whistles.raised";
    static final String FOLLOW_UP_ANSWERS = "whistle.intake.followup.answers";

    /** Who gave a follow-up answer (回访). */
    public enum AnswerKind {
        /** The reporter, signed in or with code and phone. */
        REPORTER,
        /** A command centre that took it by phone (电话回访) and recorded it for the reporter. */
        PHONE_FOLLOW_UP
    }

    private final MeterRegistry meters;
    private final OrgReferenceCopy org;
    private final Set<String> categories = ConcurrentHashMap.newKeySet();

    IntakeMetrics(MeterRegistry meters, OrgReferenceCopy org) {
        this.meters = meters;
        this.org = org;
    }

    /** A whistle was stored in the current transaction: counted when it commits. */
    public void raised(Channel channel, String categoryCode) {
        var counter = Counter.builder(RAISED)
                .description("Whistles raised, by channel and main category")
                .tag("channel", channel.name())
                .tag("category", categoryLabel(categoryCode))
                .register(meters);
        afterCommit(counter);
    }

    /** A follow-up answer was stored in the current transaction: counted when it commits. */
    public void answered(AnswerKind kind, boolean resolved) {
        var counter = Counter.builder(FOLLOW_UP_ANSWERS)
                .description("Follow-up answers (回访), by who gave them and whether the problem was solved")
                .tag("kind", kind.name())
                .tag("resolved", Boolean.toString(resolved))
                .register(meters);
        afterCommit(counter);
    }

    private String categoryLabel(String code) {
        var main = mainCategory(code);
        if (categories.contains(main)) {
            return main;
        }
        if (categories.size() >= MAX_CATEGORIES) {
            return "other";
        }
        categories.add(main);
        return main;
    }

    /** The top of the category's tree (a catalogue is a few levels deep; the walk is bounded all the same). */
    private String mainCategory(String code) {
        var category = org.category(code);
        if (category.isEmpty()) {
            return "other";
        }
        var current = category.get();
        for (int depth = 0; depth < 8 && current.parentCode() != null; depth++) {
            var parent = org.category(current.parentCode());
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current.code();
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
