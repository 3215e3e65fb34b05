package org.whistle.localstack;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whistle.embedded.FreePorts;

/** The command line and environment one service process starts with. */
record ServiceLaunch(Service service, int port, List<String> command, Map<String, String> environment, Path log) {

    /**
     * A small development footprint: six services share one laptop with Kafka and PostgreSQL, so they start with the
     * client compiler, the serial collector and a capped heap instead of sizing themselves for the whole machine.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            // A small initial heap keeps the young generation, and so the resident set, ~60 MiB smaller per service.
            "-Xms32m",
            "-Xmx256m",
            "-Xshare:auto",
            // The log files are read as UTF-8 whatever the machine's locale; Chinese text must survive.
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8");

    ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    private static final String LOOPBACK = "127.0.0.1";

    static final String SLA_STATE_DIR = "sla";
    static final String MEDIA_DIR = "media";
    static final String NOTIFICATION_CLIENT = "notification-service";
    static final String INTAKE_CLIENT = "intake-service";
    static final String DEMO_ANONYMOUS_LIMIT = "600";
    /** Where org-registry sends people back to the gateway after they sign in (the gateway's login callback). */
    static final String GATEWAY_CALLBACK = "/bff/callback/whistle";
    /** The redirect registered for the public PKCE client {@code whistle-console} (apps and scripted sign-ins). */
    static final String CONSOLE_CALLBACK = "/console/callback";

    /**
     * The demo runs deadline policies 60 times faster (a policy minute in a second), so a visitor sees a whistle
     * escalate street → district → city within minutes; {@code WHISTLE_SLA_TIME_SCALE=1} in the launcher's
     * environment runs them in real time.
     */
    static final String DEMO_SLA_TIME_SCALE = "60";

    /**
     * The demo's Open311 API key, printed in the banner and the README so that any Open311 client can post to the
     * demo at once; public like the demo accounts' passwords, so never a deployment's. {@code
     * WHISTLE_OPEN311_API_KEYS} in the launcher's environment replaces it; administrators issue further keys at
     * {@code /api/open311/keys}.
     */
    static final String DEMO_OPEN311_KEY = "whistle-demo-open311-key";

    static final String OPEN311_KEYS_VARIABLE = "WHISTLE_OPEN311_API_KEYS";

    /** The Open311 key intake accepts in this stack: the launcher's own setting, else the demo key. */
    static String open311Key() {
        var configured = System.getenv(OPEN311_KEYS_VARIABLE);
        return configured == null || configured.isBlank() ? DEMO_OPEN311_KEY : configured.split(",")[0].strip();
    }

    static ServiceLaunch of(
            Service service,
            Path javaBinary,
            Path servicesDir,
            Map<Service, Integer> ports,
            Infrastructure infrastructure,
            Path demoDir,
            StackSecrets secrets,
            String publicUrl,
            Path logsDir) {
        var command = new ArrayList<String>();
        command.add(javaBinary.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar(servicesDir, service).toString());

        var environment = new LinkedHashMap<String, String>();
        int port = ports.get(service);
        environment.put("SERVER_PORT", String.valueOf(port));
        if (service != Service.GATEWAY) {
            // As in production, only the gateway is reachable from other machines (phones on the demo Wi-Fi);
            // the services behind it answer on loopback only.
            environment.put("SERVER_ADDRESS", LOOPBACK);
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        service.database().ifPresent(database -> {
            environment.put("DATABASE_URL", infrastructure.jdbcUrl(database));
            environment.put("DATABASE_USERNAME", infrastructure.databaseUsername());
            environment.put("DATABASE_PASSWORD", infrastructure.databasePassword());
        });
        if (service != Service.ORG_REGISTRY && service != Service.GATEWAY) {
            // Every service checks tokens against the keys org-registry publishes, and that org-registry issued
            // them under the one public address people sign in at.
            environment.put(
                    "WHISTLE_SECURITY_JWKS_URI",
                    "http://" + LOOPBACK + ":" + ports.get(Service.ORG_REGISTRY) + "/oauth2/jwks");
            environment.put("WHISTLE_SECURITY_ISSUER", publicUrl);
        }
        if (service == Service.INTAKE) {
            // Reporters' phones are encrypted under this data folder's own key; photos and videos live beside it.
            environment.put("WHISTLE_PHONE_KEY", secrets.phoneKey());
            // Tracking codes are derived under this data folder's own key, so intake can say them again after a
            // restart.
            environment.put("WHISTLE_TRACKING_KEY", secrets.trackingKey());
            // Anonymous reporters' 进度 pages follow their whistle live with tickets intake signs (ADR 0059).
            environment.put("WHISTLE_STREAM_TICKET_KEY", secrets.streamTicketKey());
            environment.put(
                    "WHISTLE_MEDIA_DIRECTORY", logsDir.resolveSibling(MEDIA_DIR).toString());
            // Hotline calls without coordinates are placed by the demo city's roads and landmarks (offline).
            environment.put(
                    "WHISTLE_INTAKE_GEOCODER_GAZETTEER_FILE",
                    demoDir.resolve("city/gazetteer.csv").toString());
            // The party members' photos that answered a whistle are read from members-service, as a Whistle
            // service (ADR 0051).
            environment.put("WHISTLE_INTAKE_MEMBERS_URI", "http://" + LOOPBACK + ":" + ports.get(Service.MEMBERS));
            environment.put(
                    "WHISTLE_INTAKE_MEMBERS_TOKEN_URI",
                    "http://" + LOOPBACK + ":" + ports.get(Service.ORG_REGISTRY) + "/oauth2/token");
            DemoCity.accounts().stream()
                    .filter(account -> account.client() && account.name().equals(INTAKE_CLIENT))
                    .findFirst()
                    .ifPresent(account -> environment.put("WHISTLE_INTAKE_MEMBERS_CLIENT_SECRET", account.secret()));
        }
        if (service == Service.DISPATCH) {
            // Checkpoints are signed under this data folder's own key, so they verify across restarts.
            environment.put("WHISTLE_DISPATCH_ANCHORS_SIGNING_KEY", secrets.anchorSigningKey());
            environment.put("WHISTLE_DISPATCH_ANCHORS_PUBLIC_KEY", secrets.anchorPublicKey());
        }
        if (service == Service.NOTIFICATION) {
            // Text messages to reporters who left a phone need the number, which only intake holds; the demo's
            // development SMS provider does not ask for it, a real provider (WHISTLE_SMS_PROVIDER=http) does.
            environment.put("WHISTLE_NOTIFICATION_INTAKE_URI", "http://" + LOOPBACK + ":" + ports.get(Service.INTAKE));
            // checks the tickets intake signs for anonymous reporters' 进度 streams (ADR 0059)
            environment.put("WHISTLE_STREAM_TICKET_KEY", secrets.streamTicketKey());
            environment.put(
                    "WHISTLE_NOTIFICATION_CLIENT_TOKEN_URI",
                    "http://" + LOOPBACK + ":" + ports.get(Service.ORG_REGISTRY) + "/oauth2/token");
            DemoCity.accounts().stream()
                    .filter(account -> account.client() && account.name().equals(NOTIFICATION_CLIENT))
                    .findFirst()
                    .ifPresent(account -> {
                        environment.put("WHISTLE_CLIENT_ID", account.name());
                        environment.put("WHISTLE_NOTIFICATION_CLIENT_CLIENT_SECRET", account.secret());
                    });
        }
        if (service == Service.MEMBERS) {
            // Party members, volunteers, tasks, a catalogue and a year of points, seeded into an empty database.
            environment.put(
                    "WHISTLE_MEMBERS_DEMO_FILE", demoDir.resolve("members.json").toString());
        }
        if (service == Service.SLA) {
            // Kafka Streams keeps its clock stores beside the other data, so a restart restores little.
            environment.put(
                    "WHISTLE_SLA_STATE_DIR",
                    logsDir.resolveSibling(SLA_STATE_DIR).toString());
        }
        if (service == Service.ORG_REGISTRY) {
            // The registry seeds the demo city into its database once, when it finds the database empty.
            environment.put("WHISTLE_ORG_SEED_DIRECTORY", demoDir.toString());
            // People sign in through the gateway, so the issuer and every redirect are the gateway's address: the
            // gateway's own client for the web pages, and the public PKCE client for apps and scripted tests.
            environment.put("WHISTLE_IDENTITY_ISSUER", publicUrl);
            environment.put("WHISTLE_IDENTITY_GATEWAYCLIENT_SECRET", secrets.gatewayClientSecret());
            environment.put("WHISTLE_IDENTITY_GATEWAYCLIENT_REDIRECTURIS", publicUrl + GATEWAY_CALLBACK);
            environment.put("WHISTLE_IDENTITY_GATEWAYCLIENT_POSTLOGOUTREDIRECTURIS", publicUrl + "/");
            environment.put("WHISTLE_IDENTITY_CONSOLECLIENT_REDIRECTURIS", publicUrl + CONSOLE_CALLBACK);
        }
        if (service == Service.GATEWAY) {
            // A demo has many phones behind one Wi-Fi address; the production default (30 a minute) would refuse them.
            environment.put("WHISTLE_GATEWAY_RATELIMITS_ANONYMOUSLIMITFORPERIOD", DEMO_ANONYMOUS_LIMIT);
            // Likewise for signing in: a class of trainees signs in from one address within a minute.
            environment.put("WHISTLE_GATEWAY_RATELIMITS_SIGNINLIMITFORPERIOD", DEMO_ANONYMOUS_LIMIT);
            // Probes and metrics on loopback, never on the address phones reach.
            environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(gatewayManagementPort(port)));
            environment.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
            environment.put("WHISTLE_GATEWAY_PUBLIC_URL", publicUrl);
            environment.put("WHISTLE_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());
            for (var routed : Service.values()) {
                routed.gatewayUriVariable()
                        .ifPresent(
                                variable -> environment.put(variable, "http://" + LOOPBACK + ":" + ports.get(routed)));
            }
        }
        return new ServiceLaunch(service, port, command, environment, logsDir.resolve(service.module() + ".log"));
    }

    /**
     * The message kinds a reporter is told of (受理, 办结, 处理完毕, 结案), each registered with the development WeChat's
     * one progress template: its title, then the whole text.
     */
    static final List<String> WECHAT_MESSAGE_KINDS = List.of(
            "whistle-routed.FILED",
            "whistle-routed.VERIFIED",
            "whistle-reported.DONE",
            "whistle-closed.RESOLVED",
            "whistle-closed.NO_ANSWER",
            "whistle-closed.REJECTED",
            "whistle-closed.MERGED");

    /**
     * This launch pointed at the development WeChat, which only the local stack runs: org-registry signs residents in
     * through its official account and mini program (the login page then offers 微信登录), notification-service sends
     * reporters' progress through its template messages. Kept out of {@link #of} on purpose: the deployments are
     * compared with what {@code of} gives, and must never learn of a development WeChat.
     */
    ServiceLaunch withDevelopmentWechat(DevelopmentWechat wechat) {
        var added = new LinkedHashMap<>(environment);
        var api = wechat.baseUri().toString();
        if (service == Service.ORG_REGISTRY) {
            added.put("WHISTLE_IDENTITY_WECHAT_ENDPOINT", api);
            added.put("WHISTLE_IDENTITY_WECHAT_AUTHORIZEURL", api + "connect/oauth2/authorize");
            added.put("WHISTLE_IDENTITY_WECHAT_OFFICIALACCOUNT_APPID", DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID);
            added.put("WHISTLE_IDENTITY_WECHAT_OFFICIALACCOUNT_APPSECRET", wechat.officialAccountSecret());
            added.put("WHISTLE_IDENTITY_WECHAT_MINIPROGRAM_APPID", DevelopmentWechat.MINI_PROGRAM_APP_ID);
            added.put("WHISTLE_IDENTITY_WECHAT_MINIPROGRAM_APPSECRET", wechat.miniProgramSecret());
        } else if (service == Service.NOTIFICATION) {
            added.put("WHISTLE_WECHAT_PROVIDER", "wechat");
            added.put("WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_ENDPOINT", api);
            added.put("WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_APPID", DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID);
            added.put("WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_APPSECRET", wechat.officialAccountSecret());
            added.put("WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_MESSAGEAPI", "template");
            // Map keys with dots cannot be spelt as environment variable names; Spring reads this JSON as properties.
            var templates = new StringBuilder("{");
            for (var kind : WECHAT_MESSAGE_KINDS) {
                var key = "whistle.notification.wechat.registered-templates[" + kind + "]";
                templates
                        .append(templates.length() > 1 ? "," : "")
                        .append("\"")
                        .append(key)
                        .append(".code\":\"")
                        .append(DevelopmentWechat.PROGRESS_TEMPLATE)
                        .append("\",\"")
                        .append(key)
                        .append(".parameters.thing1\":\"title\",\"")
                        .append(key)
                        .append(".parameters.thing2\":\"text\"");
            }
            added.put("SPRING_APPLICATION_JSON", templates.append("}").toString());
        } else {
            return this;
        }
        return new ServiceLaunch(service, port, command, added, log);
    }

    /** Where the service's probes and metrics answer: its port, or the gateway's management port. */
    int managementPort() {
        var management = environment.get("MANAGEMENT_SERVER_PORT");
        return management == null ? port : Integer.parseInt(management);
    }

    /**
     * The gateway keeps probes and metrics off its public port: on its own port plus
     * {@value #GATEWAY_MANAGEMENT_OFFSET} (8090 beside 8080, as in the images) when that is free, else on any free port.
     */
    static final int GATEWAY_MANAGEMENT_OFFSET = 10;

    private static int gatewayManagementPort(int gatewayPort) {
        int beside = gatewayPort + GATEWAY_MANAGEMENT_OFFSET;
        return beside <= 65_535 && FreePorts.isFree(beside) ? beside : FreePorts.pick();
    }

    static Path jar(Path servicesDir, Service service) {
        return servicesDir.resolve(service.module() + ".jar");
    }

    /** A process builder that adds this launch's variables to the launcher's environment and writes to the log. */
    ProcessBuilder processBuilder(Path workingDir) {
        var builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        if (service == Service.SLA) {
            builder.environment().putIfAbsent("WHISTLE_SLA_TIME_SCALE", DEMO_SLA_TIME_SCALE);
        }
        if (service == Service.INTAKE) {
            builder.environment().putIfAbsent(OPEN311_KEYS_VARIABLE, DEMO_OPEN311_KEY);
        }
        return builder;
    }
}
