package org.whistle.orgregistry.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.identity.domain.SignInThrottle;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * People log in on this service's own page (form login with CSRF) before the authorization server hands their
 * client a code. This chain takes every request no other chain claims. {@link AccountAuthentication} is the only
 * {@code AuthenticationProvider} bean, so it is the global authentication manager's one provider (registering it on
 * the chain as well would check, and count, every failed password twice).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class LoginSecurity {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain login(HttpSecurity http, UpstreamSignIn.Login upstream) throws Exception {
        // The city's identity platform as a second way in, when configured (ADR 0047).
        upstream.configure(http);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN_PAGE, "/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureHandler(new LoginFailures()))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .build();
    }

    /** Delegating, so stored hashes name their algorithm ({@code {bcrypt}…}) and can move to a newer one. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountAuthentication accountAuthentication(
            Accounts accounts,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            IdentityProperties properties,
            AccessDecisions decisions,
            Clock clock) {
        return new AccountAuthentication(
                accounts,
                passwords,
                transactions,
                new SignInThrottle(properties.signIn().policy()),
                decisions,
                clock);
    }

    /** Sends the person back to the login page with why, in the language they chose. */
    static final class LoginFailures implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            var error = switch (exception) {
                case AccountAuthentication.SignInThrottledException e -> "throttled&wait=" + e.seconds();
                case LockedException e -> "locked";
                case DisabledException e -> "disabled";
                default -> "bad-credentials";
            };
            var lang = request.getParameter("lang");
            var language = "en".equals(lang) ? "&lang=en" : "zh".equals(lang) ? "&lang=zh" : "";
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error=" + error + language);
        }
    }
}
