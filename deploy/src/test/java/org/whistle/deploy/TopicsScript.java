package org.whistle.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The topic table of {@code deploy/base/kafka/create-topics.sh}, which compose and Kubernetes both run. */
final class TopicsScript {

    static final String PATH = "deploy/base/kafka/create-topics.sh";

    /** A row: partitions and the topic configs the script passes besides min.insync.replicas. */
    record Row(int partitions, Map<String, String> configs) {}

    private TopicsScript() {}

    static Map<String, Row> rows() {
        return rows(Repository.read(Repository.path(PATH)));
    }

    static Map<String, Row> rows(String script) {
        int start = script.indexOf("<<'TOPICS'\n");
        int end = script.indexOf("\nTOPICS\n");
        if (start < 0 || end < start) {
            throw new IllegalStateException(PATH + " has no TOPICS table");
        }
        var rows = new LinkedHashMap<String, Row>();
        for (var line : script.substring(start + "<<'TOPICS'\n".length(), end).split("\n")) {
            var trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            var fields = trimmed.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalStateException(PATH + ": not 'name partitions configs': " + line);
            }
            var configs = new TreeMap<String, String>();
            for (var config : fields[2].split(",")) {
                var pair = config.split("=", 2);
                configs.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
            if (rows.put(fields[0], new Row(Integer.parseInt(fields[1]), configs)) != null) {
                throw new IllegalStateException(PATH + " names " + fields[0] + " twice");
            }
        }
        return rows;
    }
}
