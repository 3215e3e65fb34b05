package org.whistle.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The frame of every service's OpenAPI document: its title, the gateway as its one server (the paths are the public
 * ones — every route relays the path unchanged), the two ways to authenticate, and the customizers that add the
 * problem-detail answers and the roles springdoc cannot infer. Every service also serves the event contract's AsyncAPI
 * document beside it, so the gateway can publish it from whichever service it routes to.
 */
@AutoConfiguration(beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ApiDocsAutoConfiguration {

    /** Staff and residents sign in through org-registry and send its access token. */
    public static final String BEARER = "bearer";

    /** Open311 client systems send the key an administrator issued them as the {@code api_key} parameter. */
    public static final String OPEN311_KEY = "open311-api-key";

    /** service-security's {@code Caller} is resolved from the bearer token, not read from the request. */
    private static final String CALLER = "org.whistle.security.Caller";

    static {
        if (ClassUtils.isPresent(CALLER, ApiDocsAutoConfiguration.class.getClassLoader())) {
            SpringDocUtils.getConfig()
                    .addRequestWrapperToIgnore(
                            ClassUtils.resolveClassName(CALLER, ApiDocsAutoConfiguration.class.getClassLoader()));
        }
    }

    @Bean
    OpenAPI whistleOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Whistle " + service)
                        .version("1")
                        .description("The HTTP API of Whistle's " + service + ", as reached through the gateway."
                                + " Errors are RFC 9457 problem details (application/problem+json), in Chinese"
                                + " unless Accept-Language prefers English; Open311 paths answer in Open311's own"
                                + " error format."))
                .servers(List.of(new Server().url("/").description("the gateway (the public address of the city)")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token org-registry issued; the console's session"
                                                + " lends it through the gateway."))
                        .addSecuritySchemes(
                                OPEN311_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.QUERY)
                                        .name("api_key")
                                        .description("An Open311 client system's key, issued by an administrator"
                                                + " at /api/open311/keys; required to post, optional to read.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    AsyncApiController asyncApiDocument() {
        return new AsyncApiController();
    }

    @Bean
    GlobalOpenApiCustomizer problemDetailAnswers() {
        return new ProblemDetailAnswers();
    }

    @Bean
    ParameterCustomizer freeFormQueries() {
        return new FreeFormQueries();
    }

    @Bean
    GlobalOperationCustomizer requiredRoles() {
        return new RequiredRoles();
    }
}
