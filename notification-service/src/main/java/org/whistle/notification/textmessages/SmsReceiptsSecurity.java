package org.whistle.notification.textmessages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The SMS providers' receipts and WeChat's pushes carry no bearer token: the secret path token, or WeChat's signature,
 * is checked by the endpoint itself, so these paths are open to the chain; nothing else is.
 */
@Configuration(proxyBeanMethods = false)
class SmsReceiptsSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 21)
    SecurityFilterChain smsReceiptsByPathToken(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/notifications/sms-receipts/*/*", "/api/notifications/wechat-events")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
