package org.whistle.orgregistry.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * Residents signing in through WeChat (ADR 0046): the official account's web authorization on {@code /login/wechat}
 * (it ends in the same signed-in browser session the login page's form gives, so the authorization server goes on
 * as after a password) and a mini program's code on {@code /api/org/wechat/mini-program/sessions}. Both are open to
 * anyone: WeChat's answer, not the caller, says who is signing in. Kept in a chain of its own so the other sign-in
 * paths' configuration stays as it is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatProperties.class)
class WechatSignInConfiguration {

    static final String START = "/login/wechat";
    static final String CALLBACK = "/login/wechat/callback";
    static final String MINI_PROGRAM_SESSIONS = "/api/org/wechat/mini-program/sessions";

    @Bean
    @Order(0)
    SecurityFilterChain wechatSignInChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(START, CALLBACK, MINI_PROGRAM_SESSIONS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // A mini program posts its code with no cookie to ride on; the two browser paths are GETs.
                .csrf(csrf -> csrf.ignoringRequestMatchers(MINI_PROGRAM_SESSIONS))
                .build();
    }

    @Bean
    WechatApi wechatApi(WechatProperties properties) {
        return new WechatApi(properties);
    }

    @Bean
    WechatSignIn wechatSignIn(
            Accounts accounts,
            WechatIdentities identities,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            AuditLog audit,
            AccessDecisions decisions,
            Clock clock) {
        return new WechatSignIn(accounts, identities, passwords, transactions, audit, decisions, clock);
    }

    /** Signs mini programs' tokens with the server's key and the same claims as every other token. */
    @Bean
    WechatTokens wechatTokens(
            JWKSource<SecurityContext> keys,
            OAuth2TokenCustomizer<JwtEncodingContext> whistleClaims,
            IdentityProperties identity,
            Clock clock) {
        var generator = new JwtGenerator(new NimbusJwtEncoder(keys));
        generator.setJwtCustomizer(whistleClaims);
        generator.setClock(clock);
        return new WechatTokens(generator, identity);
    }
}
