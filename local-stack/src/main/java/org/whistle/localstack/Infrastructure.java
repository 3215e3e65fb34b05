package org.whistle.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the services find Kafka and PostgreSQL.
 *
 * @param jdbcUrls the JDBC URL of each service database, by database name
 */
record Infrastructure(
        String kafkaBootstrapServers, Map<String, String> jdbcUrls, String databaseUsername, String databasePassword) {

    Infrastructure {
        // Kept in the order given, so the banner lists the databases in service order.
        jdbcUrls = Collections.unmodifiableMap(new LinkedHashMap<>(jdbcUrls));
    }

    String jdbcUrl(String database) {
        var url = jdbcUrls.get(database);
        if (url == null) {
            throw new IllegalArgumentException("No database " + database + " in " + jdbcUrls.keySet());
        }
        return url;
    }
}
