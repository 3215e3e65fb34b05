package org.whistle.orgregistry.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down guessing passwords without letting anyone lock a person out (ADR 0019). Two kinds of failures are
 * remembered, each forgotten {@link Policy#forgetAfter} after its last one:
 *
 * <ul>
 *   <li>per source address: after {@link Policy#addressAllowance} failures, each further attempt from it waits a
 *       delay that doubles with every failure, up to {@link Policy#addressMaxDelay};
 *   <li>per name tried, whether or not an account holds it (so the delay says nothing about which names exist): after
 *       {@link Policy#accountAllowance} failures, a delay that doubles up to the short {@link Policy#accountMaxDelay}
 *       — which holds back only addresses that have failed recently themselves. The holder, from an address that has
 *       not, is checked at once, and their right password lets them in.
 * </ul>
 *
 * A refused attempt is not checked and not counted. Both tables are bounded ({@link Policy#tracked} entries each,
 * the least recently failed dropped first), so a flood of names or addresses cannot exhaust memory. Each replica
 * keeps its own tables. Thread-safe.
 */
public final class SignInThrottle {

    /**
     * @param addressAllowance failures an address may make before its attempts wait
     * @param addressMaxDelay the longest an address waits between attempts
     * @param accountAllowance failures on one name before its attempts from failing addresses wait
     * @param accountMaxDelay the longest those wait: short, as the holder may be one of them
     * @param forgetAfter how long after its last failure an address or name starts afresh
     * @param tracked how many addresses, and how many names, are remembered at most
     */
    public record Policy(
            int addressAllowance,
            Duration addressMaxDelay,
            int accountAllowance,
            Duration accountMaxDelay,
            Duration forgetAfter,
            int tracked) {

        public Policy {
            if (addressAllowance < 1 || accountAllowance < 1 || tracked < 1) {
                throw new IllegalArgumentException("allowances and the table size must be at least 1");
            }
            if (!addressMaxDelay.isPositive() || !accountMaxDelay.isPositive() || !forgetAfter.isPositive()) {
                throw new IllegalArgumentException("delays and the memory must be positive");
            }
        }
    }

    /** Whether an attempt may be checked now. */
    public sealed interface Verdict {

        record Check() implements Verdict {}

        /** Refused unchecked; {@code who} says which table held it back ("address" or "account"). */
        record Wait(String who, Duration remaining) implements Verdict {}
    }

    /** The delay after the first failure beyond an allowance; each later one doubles it. */
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Policy policy;
    private final Failures addresses;
    private final Failures names;

    public SignInThrottle(Policy policy) {
        this.policy = policy;
        this.addresses = new Failures(policy.tracked());
        this.names = new Failures(policy.tracked());
    }

    /** The key a name is remembered by: as typed, case and surrounding space aside, at most 100 characters. */
    public static String nameKey(String username) {
        var key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    public synchronized Verdict before(String address, String username, Instant now) {
        var fromAddress = addresses.current(address, now, policy.forgetAfter());
        if (fromAddress != null) {
            var until = fromAddress.waitUntil(policy.addressAllowance(), policy.addressMaxDelay());
            if (now.isBefore(until)) {
                return new Verdict.Wait("address", Duration.between(now, until));
            }
        }
        var onName = names.current(nameKey(username), now, policy.forgetAfter());
        if (onName != null && fromAddress != null) {
            var until = onName.waitUntil(policy.accountAllowance(), policy.accountMaxDelay());
            if (now.isBefore(until)) {
                return new Verdict.Wait("account", Duration.between(now, until));
            }
        }
        return new Verdict.Check();
    }

    /** A checked attempt failed: the address and the name each count one more. */
    public synchronized void failed(String address, String username, Instant now) {
        addresses.add(address, now, policy.forgetAfter());
        names.add(nameKey(username), now, policy.forgetAfter());
    }

    /**
     * The right password: the name starts afresh. The address does not — otherwise one valid account would let its
     * holder guess others' passwords without end.
     */
    public synchronized void succeeded(String username) {
        names.forget(nameKey(username));
    }

    private record Record(int count, Instant last) {

        Instant waitUntil(int allowance, Duration max) {
            if (count < allowance) {
                return last;
            }
            var doublings = Math.min(count - allowance, 30);
            var delay = FIRST_DELAY.multipliedBy(1L << doublings);
            return last.plus(delay.compareTo(max) > 0 ? max : delay);
        }
    }

    /** Failures by key, least recently failed first, bounded. */
    private static final class Failures {

        private final Map<String, Record> byKey;

        Failures(int tracked) {
            this.byKey = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                    return size() > tracked;
                }
            };
        }

        Record current(String key, Instant now, Duration forgetAfter) {
            var record = byKey.get(key);
            if (record != null && !now.isBefore(record.last().plus(forgetAfter))) {
                byKey.remove(key);
                return null;
            }
            return record;
        }

        void add(String key, Instant now, Duration forgetAfter) {
            var record = current(key, now, forgetAfter);
            // Removed first, so the entry moves to the end: the table drops the least recently failed.
            byKey.remove(key);
            byKey.put(key, new Record(record == null ? 1 : record.count() + 1, now));
        }

        void forget(String key) {
            byKey.remove(key);
        }
    }
}
