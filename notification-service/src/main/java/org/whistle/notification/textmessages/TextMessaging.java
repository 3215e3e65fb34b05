package org.whistle.notification.textmessages;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.WhistleContexts;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.security.personaldata.AccessDecisions;

/** The SMS and WeChat channels with the providers the properties name. */
@Configuration(proxyBeanMethods = false)
class TextMessaging {

    private static final Logger LOG = LoggerFactory.getLogger(TextMessaging.class);

    @Bean
    ReporterContacts reporterContacts(NotificationProperties properties, Clock clock) {
        return new IntakeReporterContacts(properties.intakeUri(), properties.client(), clock);
    }

    @Bean
    Channel smsChannel(
            NotificationProperties properties,
            DevOutbox outbox,
            ReporterContacts contacts,
            WhistleContexts whistles,
            AccessDecisions decisions) {
        return new TemplateMessageChannel(
                ChannelKind.SMS, provider(ChannelKind.SMS, properties.sms(), outbox), contacts, whistles, decisions);
    }

    @Bean
    Channel wechatChannel(
            NotificationProperties properties,
            DevOutbox outbox,
            ReporterContacts contacts,
            WhistleContexts whistles,
            AccessDecisions decisions) {
        return new TemplateMessageChannel(
                ChannelKind.WECHAT,
                provider(ChannelKind.WECHAT, properties.wechat(), outbox),
                contacts,
                whistles,
                decisions);
    }

    private static TextMessageProvider provider(
            ChannelKind channel, NotificationProperties.Provider settings, DevOutbox outbox) {
        if (settings.isDevelopment() || settings.uri() == null) {
            LOG.warn("{}: the DEVELOPMENT provider logs messages instead of sending them", channel);
            return new DevelopmentProvider(outbox);
        }
        return new HttpJsonProvider(settings.uri(), settings.apiKey(), settings.templates());
    }
}
