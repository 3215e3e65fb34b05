package org.whistle.orgregistry.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.UpstreamIdentity;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy.Decision;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy.Refusal;
import org.whistle.security.personaldata.AccessDecision.Accessor;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * Staff sign in through the city's identity platform, an upstream OpenID Connect provider, beside their passwords
 * (ADR 0047), when {@code whistle.identity.upstream.issuer-uri} is set ({@link UpstreamProperties}). Spring Security's
 * {@code oauth2Login} runs the authorization-code flow with PKCE, state and nonce and validates the ID token (issuer,
 * audience, expiry, nonce, signature by the provider's JWKS); {@link LinkingUpstreamAccounts} then decides which
 * pre-registered account the person is — none is ever opened here. The signed-in principal is the same plain
 * {@link User} a password sign-in makes, so the authorization server carries on as for a password and issues
 * Whistle's own tokens; nothing of the upstream's tokens is kept or logged beyond its subject. Every sign-in and
 * refusal is a {@code whistle.access} line (resource {@code sign-in}, caller {@code address:<ip>}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
class UpstreamSignIn {

    private static final Logger log = LoggerFactory.getLogger(UpstreamSignIn.class);

    /** Where the provider sends the person back to, under {@code /oauth2/**} as the gateway routes it here. */
    static final String CALLBACK = "/oauth2/upstream/*/callback";

    /** Errors the sign-in page explains, in the {@code error} parameter it is sent back with. */
    static final String UNKNOWN = "upstream-unknown";

    static final String LINKED_ELSEWHERE = "upstream-linked-elsewhere";
    static final String FAILED = "upstream-failed";
    static final String UNAVAILABLE = "upstream-unavailable";

    /** Marks the error codes of Whistle's own refusals apart from whatever the provider sends back. */
    private static final String OURS = "whistle:";

    @Bean
    Login upstreamLogin(UpstreamProperties properties, LinkingUpstreamAccounts linking, AccessDecisions decisions) {
        if (properties.enabled()
                && (properties.clientId() == null || properties.clientId().isBlank())) {
            throw new IllegalStateException(
                    "whistle.identity.upstream.issuer-uri is set but whistle.identity.upstream.client-id is not");
        }
        return new Login(properties, new Registrations(properties), new WhoSignsIn(properties, linking, decisions));
    }

    /** Adds the upstream sign-in to the login chain ({@link LoginSecurity}) when it is configured. */
    static final class Login {

        private final UpstreamProperties properties;
        private final Registrations registrations;
        private final WhoSignsIn accounts;

        Login(UpstreamProperties properties, Registrations registrations, WhoSignsIn accounts) {
            this.properties = properties;
            this.registrations = registrations;
            this.accounts = accounts;
        }

        void configure(HttpSecurity http) throws Exception {
            if (!properties.enabled()) {
                return;
            }
            http.oauth2Login(login -> login.loginPage(LoginSecurity.LOGIN_PAGE)
                            .clientRegistrationRepository(registrations)
                            .authorizationEndpoint(endpoint -> endpoint.baseUri("/oauth2/upstream"))
                            .redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK))
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts))
                            .successHandler(new AsAccount())
                            .failureHandler(new Refusals()))
                    .addFilterBefore(new Unavailable(registrations), OAuth2AuthorizationRequestRedirectFilter.class);
        }
    }

    /**
     * The one registration, discovered from the issuer on first use and kept: the service starts, and passwords
     * work, while the identity platform is unreachable; a sign-in through it then says so and the next one retries.
     */
    static final class Registrations implements ClientRegistrationRepository {

        private final UpstreamProperties properties;
        private final AtomicReference<@Nullable ClientRegistration> discovered = new AtomicReference<>();

        Registrations(UpstreamProperties properties) {
            this.properties = properties;
        }

        @Override
        public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
            if (!UpstreamProperties.REGISTRATION.equals(registrationId)) {
                return null;
            }
            var known = discovered.get();
            if (known != null) {
                return known;
            }
            try {
                var scopes = new LinkedHashSet<String>();
                scopes.add("openid");
                scopes.addAll(properties.scopes());
                var registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(UpstreamProperties.REGISTRATION)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope(scopes)
                        .redirectUri("{baseUrl}/oauth2/upstream/{registrationId}/callback")
                        .userNameAttributeName(IdTokenClaimNames.SUB)
                        .clientSettings(ClientRegistration.ClientSettings.builder()
                                .requireProofKey(true)
                                .build())
                        .build();
                discovered.compareAndSet(null, registration);
                return discovered.get();
            } catch (RuntimeException e) {
                log.warn(
                        "The identity platform at {} could not be discovered: {}",
                        properties.issuerUri(),
                        e.toString());
                return null;
            }
        }
    }

    /** A start of the upstream sign-in while the provider cannot be discovered: back to the page, which says so. */
    static final class Unavailable extends OncePerRequestFilter {

        private final Registrations registrations;

        Unavailable(Registrations registrations) {
            this.registrations = registrations;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getRequestURI().equals(request.getContextPath() + UpstreamProperties.START)
                    && registrations.findByRegistrationId(UpstreamProperties.REGISTRATION) == null) {
                response.sendRedirect(request.getContextPath() + LoginSecurity.LOGIN_PAGE + "?error=" + UNAVAILABLE);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Which account the upstream identity is, after Spring Security has validated its ID token. */
    static final class WhoSignsIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService upstream = new OidcUserService();
        private final UpstreamProperties properties;
        private final LinkingUpstreamAccounts linking;
        private final AccessDecisions decisions;

        WhoSignsIn(UpstreamProperties properties, LinkingUpstreamAccounts linking, AccessDecisions decisions) {
            this.properties = properties;
            this.linking = linking;
            this.decisions = decisions;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
            var user = upstream.loadUser(request);
            var token = user.getIdToken();
            UpstreamIdentity identity;
            try {
                identity = new UpstreamIdentity(String.valueOf(token.getIssuer()), token.getSubject());
            } catch (IllegalArgumentException | NullPointerException e) {
                audit(null, "upstream:(unusable subject)").denied("upstream-bad-identity");
                throw refusal(FAILED);
            }
            var claimed = user.getAttributes().get(properties.usernameClaim()) instanceof String value ? value : null;
            var decision = linking.signIn(identity, claimed);
            return switch (decision) {
                case Decision.SignIn signIn -> {
                    audit(signIn.account().username(), null).allowed(signIn.link() ? "upstream-linked" : "upstream");
                    yield new Admitted(signIn.account(), token);
                }
                case Decision.Refused refused -> {
                    var who = refused.why() == Refusal.NOT_REGISTERED ? null : claimed;
                    audit(who, "upstream:" + identity.subject())
                            .denied("upstream-"
                                    + refused.why()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .replace('_', '-'));
                    throw refusal(
                            switch (refused.why()) {
                                case NOT_REGISTERED -> UNKNOWN;
                                case LINKED_TO_ANOTHER -> LINKED_ELSEWHERE;
                                case DISABLED -> "disabled";
                                case LOCKED -> "locked";
                            });
                }
            };
        }

        /** The line names the account when there is one, else the upstream subject: no other claim is logged. */
        private AccessDecisions.Pending audit(@Nullable String username, @Nullable String otherwise) {
            return decisions
                    .about("sign-in", username != null ? username : otherwise, "sign-in")
                    .by(new Accessor("address:" + address(), List.of(), null));
        }

        private static String address() {
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? attributes.getRequest().getRemoteAddr()
                    : "unknown";
        }

        private static OAuth2AuthenticationException refusal(String error) {
            return new OAuth2AuthenticationException(new OAuth2Error(OURS + error));
        }
    }

    /**
     * The account an upstream identity signed in as, for the moment between the provider's answer and
     * {@link AsAccount}; it carries the ID token's subject and issuer only, not the token.
     */
    static final class Admitted extends DefaultOidcUser {

        private final String username;

        Admitted(Account account, OidcIdToken token) {
            super(
                    authorities(account),
                    OidcIdToken.withTokenValue("(not kept)")
                            .issuer(String.valueOf(token.getIssuer()))
                            .subject(token.getSubject())
                            .issuedAt(token.getIssuedAt())
                            .expiresAt(token.getExpiresAt())
                            .build(),
                    IdTokenClaimNames.SUB);
            this.username = account.username();
        }

        @Override
        public String getName() {
            return username;
        }

        private static List<GrantedAuthority> authorities(Account account) {
            return account.profile().roles().stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                    .toList();
        }
    }

    /**
     * Signs the person in as their account with the same principal a password makes, then goes back to the
     * authorization request that sent them to sign in.
     */
    static final class AsAccount implements AuthenticationSuccessHandler {

        private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        private final AuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, ServletException {
            if (!(authentication.getPrincipal() instanceof Admitted admitted)) {
                throw new IllegalStateException("an upstream sign-in without an account");
            }
            var principal = User.withUsername(admitted.username)
                    .password("")
                    .authorities(admitted.getAuthorities())
                    .build();
            var granted = new ArrayList<GrantedAuthority>(admitted.getAuthorities());
            // The factor tells the authorization server when the person authenticated (the ID token's auth_time).
            granted.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
            var signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null, granted);
            signedIn.setDetails(authentication.getDetails());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            resume.onAuthenticationSuccess(request, response, signedIn);
        }
    }

    /** Back to the sign-in page with why: not registered, linked to someone else, disabled, locked, or failed. */
    static final class Refusals implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            var code = exception instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode()
                    : FAILED;
            var error = switch (code) {
                case OURS + UNKNOWN, OURS + LINKED_ELSEWHERE, OURS + FAILED, OURS + "disabled", OURS + "locked" ->
                    code.substring(OURS.length());
                default -> {
                    // The provider's refusal, a state or nonce that does not match, a token that does not verify.
                    log.info(
                            "An upstream sign-in failed: {}",
                            code != null && code.matches("[a-z_]{1,40}") ? code : "(another error)");
                    yield FAILED;
                }
            };
            response.sendRedirect(request.getContextPath() + LoginSecurity.LOGIN_PAGE + "?error=" + error);
        }
    }
}
