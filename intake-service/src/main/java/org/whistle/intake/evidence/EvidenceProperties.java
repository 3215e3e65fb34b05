package org.whistle.intake.evidence;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code whistle.intake.evidence.*}: how large evidence may be and where it is kept. Sizes are binary ({@code 10MB}
 * is 10 MiB). Keep {@code spring.servlet.multipart.*} at or above these so the limits here are the ones that speak.
 *
 * @param photoMaxSize the largest photo (JPEG, PNG, WebP, HEIC/HEIF), before metadata is stripped
 * @param videoMaxSize the largest video (MP4)
 * @param maxFiles how many files one whistle may carry
 * @param maxTotalSize the most all files of one whistle may add up to
 */
@ConfigurationProperties("whistle.intake.evidence")
record EvidenceProperties(
        @DefaultValue("10MB") DataSize photoMaxSize,
        @DefaultValue("50MB") DataSize videoMaxSize,
        @DefaultValue("9") int maxFiles,
        @DefaultValue("100MB") DataSize maxTotalSize,
        @DefaultValue Store store) {

    long maxSize(MediaKind kind) {
        return switch (kind) {
            case PHOTO -> photoMaxSize.toBytes();
            case VIDEO -> videoMaxSize.toBytes();
        };
    }

    /** A local directory unless an S3 bucket is named. */
    record Store(
            @DefaultValue("./data/media") Path directory,
            @DefaultValue S3 s3) {}

    /**
     * An S3-compatible bucket. Without an endpoint, AWS's regional endpoint is used. Path-style addressing
     * ({@code endpoint/bucket/key}) suits MinIO and Ceph; virtual-hosted ({@code bucket.endpoint/key}) suits AWS,
     * Aliyun OSS and Tencent COS.
     */
    record S3(
            @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region,
            @Nullable String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey,
            @DefaultValue("false") boolean pathStyle) {

        boolean configured() {
            return bucket != null && !bucket.isBlank();
        }

        URI endpointOrDefault() {
            return endpoint != null && !endpoint.toString().isEmpty()
                    ? endpoint
                    : URI.create("https://s3." + region + ".amazonaws.com");
        }
    }
}
