package org.whistle.intake.evidence;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the media store: the S3 bucket when one is configured, the local directory otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean
    MediaStore mediaStore(EvidenceProperties properties, ObjectProvider<Clock> clock) {
        var s3 = properties.store().s3();
        if (!s3.configured()) {
            log.info("Evidence media kept in {}", properties.store().directory().toAbsolutePath());
            return new LocalDirectoryMediaStore(properties.store().directory());
        }
        if (blank(s3.accessKey()) || blank(s3.secretKey())) {
            throw new IllegalStateException(
                    "whistle.intake.evidence.store.s3.bucket is set: access-key and secret-key must be set too");
        }
        var endpoint = s3.endpointOrDefault();
        log.info("Evidence media kept in bucket {} at {}", s3.bucket(), endpoint);
        return new S3MediaStore(
                endpoint,
                s3.bucket(),
                s3.pathStyle(),
                new SignatureV4(s3.accessKey(), s3.secretKey(), s3.region(), "s3"),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
