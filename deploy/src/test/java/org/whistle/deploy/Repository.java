package org.whistle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository the deploy module sits in, and YAML read from it. */
final class Repository {

    /** Surefire runs in the module's directory; the repository is its parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Repository() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a YAML stream (a rendered manifest set has many). */
    static List<Map<String, Object>> documents(String yaml) {
        var options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        var documents = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml(options).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                documents.add(Yamls.map(map));
            }
        }
        return documents;
    }

    static Map<String, Object> document(Path file) {
        var documents = documents(read(file));
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.getFirst();
    }
}
