package org.whistle.systemtests.access;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint of the matrix: its method, path template and media type as the service maps it, how a principal's
 * request inside and outside its scope is made, and the status each principal must get for each (absent: no such
 * case — a city-wide principal has no outside), without a token, and with an expired or forged one.
 */
record Row(
        String method,
        String path,
        List<String> consumes,
        Target target,
        Map<Principal, Integer> in,
        Map<Principal, Integer> out,
        int anonymous,
        int badToken) {

    /** Makes the concrete request of a case, or null when the principal has no target there. */
    @FunctionalInterface
    interface Target {
        @Nullable
        Request make(Fixtures fixtures, Principal principal, Scope scope, boolean fresh);
    }

    /**
     * A row from its endpoint ({@code "POST /api/whistles [multipart/form-data]"}), the statuses inside and outside
     * scope — thirteen columns in {@link Principal}'s order, {@code -} for no case — and the status without a token.
     * An expired or forged token gets 401 unless {@link #badToken(int)} says otherwise.
     */
    static Row row(String endpoint, String in, String out, int anonymous, Target target) {
        var consumes = List.<String>of();
        var spec = endpoint;
        int bracket = endpoint.indexOf(" [");
        if (bracket > 0) {
            consumes = Arrays.stream(endpoint.substring(bracket + 2, endpoint.length() - 1)
                            .split(","))
                    .map(String::strip)
                    .sorted()
                    .toList();
            spec = endpoint.substring(0, bracket);
        }
        var parts = spec.split(" ");
        return new Row(
                parts[0], parts[1], consumes, target, statuses(endpoint, in), statuses(endpoint, out), anonymous, 401);
    }

    Row badToken(int status) {
        return new Row(method, path, consumes, target, in, out, anonymous, status);
    }

    /** The endpoint as the completeness check compares it with the services' mappings. */
    String key() {
        return method + " " + path + (consumes.isEmpty() ? "" : " " + consumes);
    }

    @Nullable
    Integer expected(Principal principal, Scope scope) {
        return (scope == Scope.IN ? in : out).get(principal);
    }

    private static Map<Principal, Integer> statuses(String endpoint, String columns) {
        var cells = columns.strip().split("\\s+");
        if (cells.length != Principal.values().length) {
            throw new IllegalArgumentException(
                    endpoint + ": " + cells.length + " columns, not " + Principal.values().length + ": " + columns);
        }
        var statuses = new EnumMap<Principal, Integer>(Principal.class);
        for (var principal : Principal.values()) {
            var cell = cells[principal.ordinal()];
            if (!cell.equals("-")) {
                statuses.put(principal, Integer.parseInt(cell));
            }
        }
        return statuses;
    }
}
