package org.whistle.systemtests.bench;

import java.util.List;
import java.util.Optional;

/**
 * A system that runs the whistle lifecycle for the load generator: raise → (routed) → file → summon → report in →
 * done → verify → close, one HTTP request per transition. Whistle through its gateway and the Flowable baseline
 * implement it, so one generator drives both in the same shape.
 */
interface LifecycleTarget {

    /** The transitions the generator requests, in order; routing in between is the system's own. */
    enum Step {
        RAISE,
        FILE,
        SUMMON,
        REPORT_IN,
        DONE,
        VERIFY,
        CLOSE;

        /** The steps after routing, in lifecycle order. */
        static final List<Step> AFTER_ROUTING = List.of(FILE, SUMMON, REPORT_IN, DONE, VERIFY, CLOSE);
    }

    /** A refused or failed request: the status (0 when no answer came) and what came back. */
    final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String detail) {
            super(status + " " + detail, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    String name();

    /**
     * Raises a whistle and returns its id; {@code idempotencyKey} is the same on every retry of one whistle.
     *
     * @throws Refused when the system does not acknowledge it
     */
    String raise(String idempotencyKey, long sequence);

    /**
     * The ticket the whistle became, once the system has routed it to its command centre.
     *
     * @throws Refused when the system cannot say
     */
    Optional<String> routed(String whistleId);

    /**
     * One transition on a ticket.
     *
     * @throws Refused when the system does not carry it out
     */
    void act(Step step, String ticket);
}
