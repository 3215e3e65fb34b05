package org.whistle.systemtests.bench;

import java.util.Arrays;

/** Percentiles (nearest rank) and medians. */
final class Stats {

    private Stats() {}

    /** The {@code p} percentile (0 < p ≤ 1) of sorted values, nearest rank; -1 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long[] sorted(long[] values) {
        var copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        var copy = values.clone();
        Arrays.sort(copy);
        int middle = copy.length / 2;
        return copy.length % 2 == 1 ? copy[middle] : (copy[middle - 1] + copy[middle]) / 2;
    }
}
