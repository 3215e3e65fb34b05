package org.whistle.systemtests.access;

import java.util.List;

/**
 * Every endpoint of the access matrix — which {@link AccessMatrixTest} proves is every endpoint the services map — for
 * the tools outside this package that must reach all of them (the bench's fuzzer), so that a new endpoint cannot be
 * left out of them.
 */
public final class MatrixEndpoints {

    /** A method, a path template ({@code {name}} for a path parameter) and the media types it consumes, if any. */
    public record Endpoint(String method, String path, List<String> consumes) {}

    private MatrixEndpoints() {}

    public static List<Endpoint> all() {
        return AccessTable.rows().stream()
                .map(row -> new Endpoint(row.method(), row.path(), row.consumes()))
                .toList();
    }
}
