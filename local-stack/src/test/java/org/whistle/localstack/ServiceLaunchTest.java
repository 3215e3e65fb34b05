package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceLaunchTest {

    private static final Path JAVA = Path.of("/opt/jdk/bin/java");
    private static final Path SERVICES = Path.of("/stack/services");
    private static final Path LOGS = Path.of("/stack/.whistle/logs");
    private static final Path DEMO = Path.of("/stack/.whistle/demo");
    private static final StackSecrets SECRETS = new StackSecrets(
            "bG9jYWwtc3RhY2stdGVzdC1waG9uZS1rZXktMzJieXQ=",
            "Z2F0ZXdheS1jbGllbnQtc2VjcmV0LWZvci10ZXN0cw==",
            "bG9jYWwtc3RhY2stdGVzdC10cmFja2luZy1rZXktMzI=",
            "YW5jaG9yLXNpZ25pbmcta2V5",
            "YW5jaG9yLXB1YmxpYy1rZXk=",
            "bG9jYWwtc3RhY2stdGVzdC1zdHJlYW0tdGlja2V0LWtleQ==");
    private static final String PUBLIC_URL = "http://127.0.0.1:9080";
    private static final Infrastructure INFRASTRUCTURE = new Infrastructure(
            "127.0.0.1:19092",
            Map.of(
                    "org_registry", "jdbc:postgresql://localhost:15432/org_registry",
                    "intake", "jdbc:postgresql://localhost:15432/intake",
                    "dispatch", "jdbc:postgresql://localhost:15432/dispatch",
                    "notification", "jdbc:postgresql://localhost:15432/notification",
                    "evaluation", "jdbc:postgresql://localhost:15432/evaluation",
                    "members", "jdbc:postgresql://localhost:15432/members"),
            "postgres",
            "secret");

    private final Map<Service, Integer> ports = ports();

    @Test
    void runsTheServiceJarOnTheLaunchersJavaWithASmallFootprint() {
        var launch = ServiceLaunch.of(
                Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        assertThat(launch.command())
                .startsWith(JAVA.toString())
                .contains("-XX:+UseSerialGC", "-Xmx256m")
                .endsWith("-jar", "/stack/services/intake-service.jar");
        assertThat(launch.log()).isEqualTo(Path.of("/stack/.whistle/logs/intake-service.log"));
    }

    @Test
    void givesIntakeAndNotificationTheSameStreamTicketKey() {
        for (var service : new Service[] {Service.INTAKE, Service.NOTIFICATION}) {
            assertThat(ServiceLaunch.of(service, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                            .environment())
                    .as(service.name())
                    .containsEntry("WHISTLE_STREAM_TICKET_KEY", SECRETS.streamTicketKey());
        }
    }

    @Test
    void pointsADatabaseServiceAtItsOwnDatabaseAndTheBroker() {
        var launch = ServiceLaunch.of(
                Service.DISPATCH, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "9083")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("DATABASE_URL", "jdbc:postgresql://localhost:15432/dispatch")
                .containsEntry("DATABASE_USERNAME", "postgres")
                .containsEntry("DATABASE_PASSWORD", "secret");
    }

    @Test
    void bindsEveryServiceButTheGatewayToLoopbackOnly() {
        for (var service : Service.values()) {
            var environment = ServiceLaunch.of(
                            service, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                    .environment();

            if (service == Service.GATEWAY) {
                assertThat(environment).as(service.module()).doesNotContainKey("SERVER_ADDRESS");
            } else {
                assertThat(environment).as(service.module()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
            }
        }
    }

    @Test
    void givesTheSlaServiceNoDatabase() {
        var launch =
                ServiceLaunch.of(Service.SLA, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "9084")
                .doesNotContainKeys("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");
    }

    @Test
    void routesTheGatewayToThePortsTheServicesActuallyGot() {
        var launch = ServiceLaunch.of(
                Service.GATEWAY, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "9080")
                .containsEntry("ORG_REGISTRY_URI", "http://127.0.0.1:9081")
                .containsEntry("INTAKE_URI", "http://127.0.0.1:9082")
                .containsEntry("DISPATCH_URI", "http://127.0.0.1:9083")
                .containsEntry("SLA_URI", "http://127.0.0.1:9084")
                .containsEntry("NOTIFICATION_URI", "http://127.0.0.1:9085")
                .containsEntry("EVALUATION_URI", "http://127.0.0.1:9086")
                .doesNotContainKey("DATABASE_URL");
    }

    private static Map<Service, Integer> ports() {
        var ports = new EnumMap<Service, Integer>(Service.class);
        for (var service : Service.values()) {
            ports.put(service, service.defaultPort() + 1000);
        }
        return ports;
    }

    @Test
    void pointsOnlyTheRegistryAtTheDemoCity() {
        for (var service : Service.values()) {
            var environment = ServiceLaunch.of(
                            service, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                    .environment();
            if (service == Service.ORG_REGISTRY) {
                assertThat(environment).containsEntry("WHISTLE_ORG_SEED_DIRECTORY", DEMO.toString());
            } else {
                assertThat(environment).doesNotContainKey("WHISTLE_ORG_SEED_DIRECTORY");
            }
        }
    }

    @Test
    void pointsEveryServiceButTheIssuerAndTheGatewayAtOrgRegistrysKeys() {
        var jwks = "http://127.0.0.1:" + ports.get(Service.ORG_REGISTRY) + "/oauth2/jwks";
        for (var service :
                List.of(Service.INTAKE, Service.DISPATCH, Service.SLA, Service.NOTIFICATION, Service.EVALUATION)) {
            assertThat(ServiceLaunch.of(service, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                            .environment())
                    .containsEntry("WHISTLE_SECURITY_JWKS_URI", jwks);
        }
        assertThat(ServiceLaunch.of(
                                Service.ORG_REGISTRY,
                                JAVA,
                                SERVICES,
                                ports,
                                INFRASTRUCTURE,
                                DEMO,
                                SECRETS,
                                PUBLIC_URL,
                                LOGS)
                        .environment())
                .doesNotContainKey("WHISTLE_SECURITY_JWKS_URI");
    }

    @Test
    void runsTheDemosClocksSixtyTimesFasterKeepingTheirStateWithTheData() {
        var launch =
                ServiceLaunch.of(Service.SLA, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        assertThat(launch.environment()).containsEntry("WHISTLE_SLA_STATE_DIR", "/stack/.whistle/sla");
        var processEnvironment = launch.processBuilder(Path.of("/stack")).environment();
        assertThat(processEnvironment.get("WHISTLE_SLA_TIME_SCALE"))
                .isEqualTo(System.getenv().getOrDefault("WHISTLE_SLA_TIME_SCALE", "60"));
    }

    @Test
    void givesIntakeTheDemosOpen311KeyUnlessTheLauncherNamesOne() {
        var launch = ServiceLaunch.of(
                Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

        var processEnvironment = launch.processBuilder(Path.of("/stack")).environment();
        var configured = System.getenv("WHISTLE_OPEN311_API_KEYS");
        assertThat(processEnvironment.get("WHISTLE_OPEN311_API_KEYS"))
                .isEqualTo(configured == null ? "whistle-demo-open311-key" : configured);
        assertThat(ServiceLaunch.open311Key())
                .isEqualTo(
                        configured == null || configured.isBlank()
                                ? "whistle-demo-open311-key"
                                : configured.split(",")[0].strip());
    }

    @Test
    void givesDispatchTheDataFoldersAnchorKeyPairAndNoOtherServiceIt() {
        var dispatch = ServiceLaunch.of(
                        Service.DISPATCH, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();
        var intake = ServiceLaunch.of(
                        Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();

        assertThat(dispatch)
                .containsEntry("WHISTLE_DISPATCH_ANCHORS_SIGNING_KEY", SECRETS.anchorSigningKey())
                .containsEntry("WHISTLE_DISPATCH_ANCHORS_PUBLIC_KEY", SECRETS.anchorPublicKey());
        assertThat(intake).doesNotContainKey("WHISTLE_DISPATCH_ANCHORS_SIGNING_KEY");
    }

    @Test
    void givesIntakeTheDataFoldersPhoneKeyMediaFolderAndTheDemoGazetteer() {
        var environment = ServiceLaunch.of(
                        Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();

        assertThat(environment)
                .containsEntry("WHISTLE_PHONE_KEY", SECRETS.phoneKey())
                .containsEntry("WHISTLE_TRACKING_KEY", SECRETS.trackingKey())
                .containsEntry("WHISTLE_MEDIA_DIRECTORY", "/stack/.whistle/media")
                .containsEntry("WHISTLE_INTAKE_GEOCODER_GAZETTEER_FILE", "/stack/.whistle/demo/city/gazetteer.csv");
        assertThat(ServiceLaunch.of(
                                Service.DISPATCH,
                                JAVA,
                                SERVICES,
                                ports,
                                INFRASTRUCTURE,
                                DEMO,
                                SECRETS,
                                PUBLIC_URL,
                                LOGS)
                        .environment())
                .doesNotContainKey("WHISTLE_PHONE_KEY");
    }

    @Test
    void letsNotificationReachReportersThroughIntakeWithTheDemoServiceClient() {
        var environment = ServiceLaunch.of(
                        Service.NOTIFICATION, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();

        assertThat(environment)
                .containsEntry("WHISTLE_NOTIFICATION_INTAKE_URI", "http://127.0.0.1:" + ports.get(Service.INTAKE))
                .containsEntry(
                        "WHISTLE_NOTIFICATION_CLIENT_TOKEN_URI",
                        "http://127.0.0.1:" + ports.get(Service.ORG_REGISTRY) + "/oauth2/token")
                .containsEntry("WHISTLE_CLIENT_ID", "notification-service")
                .containsEntry("WHISTLE_NOTIFICATION_CLIENT_CLIENT_SECRET", "Whistle-demo-2026-notification-service");
    }

    @Test
    void letsIntakeReadTheMembersResultPhotosWithTheDemoServiceClient() {
        var environment = ServiceLaunch.of(
                        Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();

        assertThat(environment)
                .containsEntry("WHISTLE_INTAKE_MEMBERS_URI", "http://127.0.0.1:" + ports.get(Service.MEMBERS))
                .containsEntry(
                        "WHISTLE_INTAKE_MEMBERS_TOKEN_URI",
                        "http://127.0.0.1:" + ports.get(Service.ORG_REGISTRY) + "/oauth2/token")
                .containsEntry("WHISTLE_INTAKE_MEMBERS_CLIENT_SECRET", "Whistle-demo-2026-intake-service")
                .doesNotContainKey("WHISTLE_CLIENT_ID");
    }

    @Test
    void letsTheDemosManyPhonesBehindOneAddressThroughTheGateway() {
        assertThat(ServiceLaunch.of(
                                Service.GATEWAY, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                        .environment())
                .containsEntry("WHISTLE_GATEWAY_RATELIMITS_ANONYMOUSLIMITFORPERIOD", "600");
    }

    @Test
    void letsPeopleSignInThroughTheGatewayWithTheIssuerEveryServiceChecks() {
        var registry = ServiceLaunch.of(
                        Service.ORG_REGISTRY, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();
        var gateway = ServiceLaunch.of(
                        Service.GATEWAY, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                .environment();

        assertThat(registry)
                .containsEntry("WHISTLE_IDENTITY_ISSUER", PUBLIC_URL)
                .containsEntry("WHISTLE_IDENTITY_GATEWAYCLIENT_SECRET", SECRETS.gatewayClientSecret())
                .containsEntry("WHISTLE_IDENTITY_GATEWAYCLIENT_REDIRECTURIS", PUBLIC_URL + "/bff/callback/whistle")
                .containsEntry("WHISTLE_IDENTITY_CONSOLECLIENT_REDIRECTURIS", PUBLIC_URL + "/console/callback");
        assertThat(gateway)
                .containsEntry("WHISTLE_GATEWAY_CLIENT_SECRET", SECRETS.gatewayClientSecret())
                .containsEntry("WHISTLE_GATEWAY_PUBLIC_URL", PUBLIC_URL);
        for (var service : Service.values()) {
            if (service != Service.ORG_REGISTRY && service != Service.GATEWAY) {
                assertThat(ServiceLaunch.of(
                                        service, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS)
                                .environment())
                        .as(service.module())
                        .containsEntry("WHISTLE_SECURITY_ISSUER", PUBLIC_URL)
                        .doesNotContainKey("WHISTLE_GATEWAY_CLIENT_SECRET");
            }
        }
    }

    @Test
    void pointsOrgRegistryAndNotificationAtTheDevelopmentWechatAndNoServiceElse() {
        try (var wechat = DevelopmentWechat.start(0, PUBLIC_URL, java.time.Clock.systemUTC())) {
            var registry = ServiceLaunch.of(
                            Service.ORG_REGISTRY,
                            JAVA,
                            SERVICES,
                            ports,
                            INFRASTRUCTURE,
                            DEMO,
                            SECRETS,
                            PUBLIC_URL,
                            LOGS)
                    .withDevelopmentWechat(wechat);
            var notification = ServiceLaunch.of(
                            Service.NOTIFICATION,
                            JAVA,
                            SERVICES,
                            ports,
                            INFRASTRUCTURE,
                            DEMO,
                            SECRETS,
                            PUBLIC_URL,
                            LOGS)
                    .withDevelopmentWechat(wechat);
            var intake = ServiceLaunch.of(
                    Service.INTAKE, JAVA, SERVICES, ports, INFRASTRUCTURE, DEMO, SECRETS, PUBLIC_URL, LOGS);

            assertThat(registry.environment())
                    .containsEntry(
                            "WHISTLE_IDENTITY_WECHAT_ENDPOINT", wechat.baseUri().toString())
                    .containsEntry(
                            "WHISTLE_IDENTITY_WECHAT_AUTHORIZEURL", wechat.baseUri() + "connect/oauth2/authorize")
                    .containsEntry(
                            "WHISTLE_IDENTITY_WECHAT_OFFICIALACCOUNT_APPID", DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID)
                    .containsEntry("WHISTLE_IDENTITY_WECHAT_OFFICIALACCOUNT_APPSECRET", wechat.officialAccountSecret())
                    .containsEntry("WHISTLE_IDENTITY_WECHAT_MINIPROGRAM_APPSECRET", wechat.miniProgramSecret());
            assertThat(notification.environment())
                    .containsEntry("WHISTLE_WECHAT_PROVIDER", "wechat")
                    .containsEntry(
                            "WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_ENDPOINT",
                            wechat.baseUri().toString())
                    .containsEntry("WHISTLE_NOTIFICATION_WECHAT_ACCOUNT_APPSECRET", wechat.officialAccountSecret());
            assertThat(notification.environment().get("SPRING_APPLICATION_JSON"))
                    .contains("\"whistle.notification.wechat.registered-templates[whistle-routed.FILED].code\":\""
                            + DevelopmentWechat.PROGRESS_TEMPLATE + "\"");
            assertThat(tools.jackson.databind.json.JsonMapper.shared()
                            .readTree(notification.environment().get("SPRING_APPLICATION_JSON"))
                            .size())
                    .isEqualTo(3 * ServiceLaunch.WECHAT_MESSAGE_KINDS.size());
            assertThat(intake.withDevelopmentWechat(wechat)).isSameAs(intake);
            assertThat(ServiceLaunch.of(
                                    Service.NOTIFICATION,
                                    JAVA,
                                    SERVICES,
                                    ports,
                                    INFRASTRUCTURE,
                                    DEMO,
                                    SECRETS,
                                    PUBLIC_URL,
                                    LOGS)
                            .environment())
                    .as("the deployments are compared with of(), which knows no development WeChat")
                    .doesNotContainKeys("WHISTLE_WECHAT_PROVIDER", "SPRING_APPLICATION_JSON");
        }
    }
}
