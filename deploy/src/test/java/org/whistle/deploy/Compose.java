package org.whistle.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code docker-compose.yml}, parsed, with Compose's variable interpolation applied to its defaults. */
final class Compose {

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?}");

    final Map<String, Object> root;

    private Compose(Map<String, Object> root) {
        this.root = root;
    }

    static Compose read() {
        return parse(Repository.read(Repository.path("docker-compose.yml")));
    }

    static Compose parse(String yaml) {
        var documents = Repository.documents(yaml);
        if (documents.size() != 1) {
            throw new IllegalStateException("docker-compose.yml must be one YAML document");
        }
        return new Compose(documents.getFirst());
    }

    Map<String, Map<String, Object>> services() {
        var services = new LinkedHashMap<String, Map<String, Object>>();
        Yamls.map(root.get("services")).forEach((name, service) -> services.put(name, Yamls.map(service)));
        return services;
    }

    /** The value Compose would use when none of the variables is set: the default, or empty. */
    static String withDefaults(String value) {
        var matcher = INTERPOLATION.matcher(value);
        var out = new StringBuilder();
        while (matcher.find()) {
            var fallback = "-".equals(matcher.group(2)) ? matcher.group(3) : "";
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(fallback));
        }
        matcher.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** The services built from the Whistle Dockerfile, as workloads. */
    List<Workload> whistleServices() {
        var workloads = new ArrayList<Workload>();
        services().forEach((name, service) -> {
            var image = Yamls.string(service, "image");
            var build = Yamls.map(service.get("build"));
            if (build.isEmpty() && (image == null || !image.startsWith("whistle/"))) {
                return;
            }
            var origin = "docker-compose.yml service " + name;
            var environment = new LinkedHashMap<String, String>();
            var declared = service.get("environment");
            if (declared instanceof List<?> list) {
                for (var entry : list) {
                    var text = String.valueOf(entry);
                    int equals = text.indexOf('=');
                    environment.put(
                            equals < 0 ? text : text.substring(0, equals),
                            equals < 0 ? null : withDefaults(text.substring(equals + 1)));
                }
            } else {
                Yamls.map(declared).forEach((key, value) -> environment.put(key, withDefaults(String.valueOf(value))));
            }
            var ports = new HashSet<Integer>();
            var args = Yamls.map(build.get("args"));
            if (args.get("PORT") != null) {
                ports.add(Integer.parseInt(String.valueOf(args.get("PORT"))));
            }
            if (args.get("MANAGEMENT_PORT") != null) {
                ports.add(Integer.parseInt(String.valueOf(args.get("MANAGEMENT_PORT"))));
            }
            for (var mapping : Yamls.list(service.get("ports"))) {
                var text = withDefaults(String.valueOf(mapping));
                ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
            }
            for (var exposed : Yamls.list(service.get("expose"))) {
                ports.add(Integer.parseInt(String.valueOf(exposed)));
            }
            if (environment.get("SERVER_PORT") != null) {
                ports.add(Integer.parseInt(environment.get("SERVER_PORT")));
            }
            var module = args.get("MODULE") != null ? String.valueOf(args.get("MODULE")) : null;
            var imageName = image == null ? module : image.replaceAll(":.*", "").replaceAll(".*/", "");
            if (module != null && !module.equals(imageName)) {
                throw new IllegalStateException(origin + " builds " + module + " into image " + image);
            }
            workloads.add(new Workload(origin, name, imageName, environment, ports));
        });
        return workloads;
    }
}
