package org.whistle.notification.textmessages;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
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
    ServiceTokens serviceTokens(NotificationProperties properties, Clock clock) {
        return new ServiceTokens(properties.client(), clock);
    }

    @Bean
    ReporterContacts reporterContacts(
            NotificationProperties properties, ServiceTokens tokens, RestClient.Builder builder) {
        return new IntakeReporterContacts(properties.intakeUri(), tokens, builder);
    }

    @Bean
    UnitDutyContacts unitDutyContacts(
            NotificationProperties properties, ServiceTokens tokens, RestClient.Builder builder) {
        return new UnitDutyContacts(properties.orgRegistryUri(), tokens, builder);
    }

    @Bean
    Channel smsChannel(
            NotificationProperties properties,
            DevOutbox outbox,
            ReporterContacts contacts,
            WhistleContexts whistles,
            AccessDecisions decisions,
            SmsReceipts receipts,
            UnitDutyContacts dutyContacts,
            Clock clock) {
        return new TemplateMessageChannel(
                ChannelKind.SMS,
                provider(ChannelKind.SMS, properties, outbox, clock),
                contacts,
                whistles,
                decisions,
                receipts,
                dutyContacts);
    }

    @Bean
    Channel wechatChannel(
            NotificationProperties properties,
            DevOutbox outbox,
            ReporterContacts contacts,
            WhistleContexts whistles,
            AccessDecisions decisions,
            SmsReceipts receipts,
            UnitDutyContacts dutyContacts,
            Clock clock) {
        return new TemplateMessageChannel(
                ChannelKind.WECHAT,
                provider(ChannelKind.WECHAT, properties, outbox, clock),
                contacts,
                whistles,
                decisions,
                receipts,
                dutyContacts);
    }

    private static TextMessageProvider provider(
            ChannelKind channel, NotificationProperties properties, DevOutbox outbox, Clock clock) {
        var settings = channel == ChannelKind.SMS ? properties.sms() : properties.wechat();
        var type = settings.type().toLowerCase(java.util.Locale.ROOT);
        if (channel == ChannelKind.SMS && (type.equals("aliyun") || type.equals("tencent"))) {
            var http = new SmsProviderHttp(properties.resilience("sms").timeout(), settings.registeredTemplates());
            LOG.info(
                    "SMS: {} provider, templates registered for {}",
                    type,
                    settings.registeredTemplates().keySet());
            return type.equals("aliyun")
                    ? new AliyunSmsProvider(settings.aliyun(), http, clock)
                    : new TencentSmsProvider(settings.tencent(), http, clock);
        }
        if (channel == ChannelKind.WECHAT && type.equals("wechat")) {
            var api = new WechatApi(
                    settings.account(), properties.resilience("wechat").timeout(), clock);
            LOG.info(
                    "WeChat: {} messages of app {}, templates registered for {}",
                    settings.account().messageApi(),
                    settings.account().appId(),
                    settings.registeredTemplates().keySet());
            return new WechatMessageProvider(settings.account(), api, settings.registeredTemplates());
        }
        if (settings.isDevelopment() || settings.uri() == null) {
            LOG.warn("{}: the DEVELOPMENT provider logs messages instead of sending them", channel);
            return new DevelopmentProvider(outbox);
        }
        if (!type.equals("http")) {
            throw new IllegalStateException(channel + " has no provider of type " + type);
        }
        return new HttpJsonProvider(settings.uri(), settings.apiKey(), settings.templates());
    }
}
