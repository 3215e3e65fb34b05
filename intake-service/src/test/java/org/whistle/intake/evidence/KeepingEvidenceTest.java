package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.whistle.intake.evidence.Samples.LATITUDE_RATIONALS;
import static org.whistle.intake.evidence.Samples.ascii;
import static org.whistle.intake.evidence.Samples.contains;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EvidenceRef;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.testing.RealInfrastructure;
import org.whistle.texts.Phrase;

@SpringBootTest(
        properties = {
            "whistle.intake.evidence.photo-max-size=8KB",
            "whistle.intake.evidence.video-max-size=16KB",
            "whistle.intake.evidence.max-files=3",
            "whistle.intake.evidence.max-total-size=20KB"
        })
@RealInfrastructure
class KeepingEvidenceTest {

    private static final Path MEDIA;

    static {
        try {
            MEDIA = Files.createTempDirectory("whistle-media-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void mediaDirectory(DynamicPropertyRegistry registry) {
        registry.add("whistle.intake.evidence.store.directory", MEDIA::toString);
    }

    @Autowired
    KeepingEvidence evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BreakableStore store;

    private final String reporter = "resident-" + UUID.randomUUID();

    @AfterEach
    void repairStore() {
        store.failOnPut(0);
    }

    @Test
    void keepsPhotosAndVideosStrippedOfLocationAndRecordsThem() throws IOException {
        var refs = evidence.keep(
                List.of(
                        Upload.of("井盖破损.jpg", Samples.jpegWithLocation()),
                        Upload.of("scan.png", Samples.pngWithLocation()),
                        Upload.of("clip.mp4", Samples.mp4WithLocation("vide"))),
                reporter);

        assertThat(refs).extracting(EvidenceRef::contentType).containsExactly("image/jpeg", "image/png", "video/mp4");
        for (var ref : refs) {
            try (var media = evidence.open(ref.mediaId()).orElseThrow()) {
                var bytes = media.content().readAllBytes();
                assertThat(KeepingEvidence.sha256(bytes))
                        .isEqualTo(ref.sha256())
                        .isEqualTo(media.sha256());
                assertThat(bytes).hasSize((int) media.size());
                assertThat(contains(bytes, LATITUDE_RATIONALS)).isFalse();
                assertThat(contains(bytes, ascii(Samples.MP4_LOCATION))).isFalse();
                assertThat(media.locationStripped()).isTrue();
                assertThat(media.uploadedBy()).isEqualTo(reporter);
                assertThat(media.whistleId()).isNull();
            }
        }
        var jpeg = evidence.open(refs.getFirst().mediaId()).orElseThrow();
        jpeg.close();
        assertThat(jpeg.originalName()).isEqualTo("井盖破损.jpg");
        assertThat(jpeg.kind()).isEqualTo(MediaKind.PHOTO);
        var keys = jdbc.sql("SELECT storage_key FROM evidence WHERE uploaded_by = :by")
                .param("by", reporter)
                .query(String.class)
                .list();
        assertThat(keys)
                .hasSize(3)
                .allMatch(key -> key.matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.(jpg|png|mp4)"));
        assertThat(keys).allMatch(key -> Files.isRegularFile(MEDIA.resolve(key)));
    }

    @Test
    void keepsHeicAsSentButMarksItAsStillCarryingLocation() throws IOException {
        var heic = Samples.concat(Samples.ftyp("heic", "mif1", "heic"), Samples.box("meta", new byte[64]));

        var ref = evidence.keep(List.of(Upload.of("IMG_0001.HEIC", heic)), reporter)
                .getFirst();

        try (var media = evidence.open(ref.mediaId()).orElseThrow()) {
            assertThat(media.contentType()).isEqualTo("image/heic");
            assertThat(media.locationStripped()).isFalse();
            assertThat(media.content().readAllBytes()).isEqualTo(heic);
        }
    }

    @Test
    void keepsNothingWhenOneFileIsNotAcceptedAndNamesThatFile() throws IOException {
        long filesBefore = filesInStore();
        var pdf = ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");

        assertThatThrownBy(() -> evidence.keep(
                        List.of(Upload.of("ok.jpg", Samples.jpegWithLocation()), Upload.of("photo.jpg", pdf)),
                        reporter))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation("evidence[1]", KeepingEvidence.NOT_ACCEPTED)));
        assertThat(rowsOf(reporter)).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
    }

    @Test
    void namesEveryFileThatIsEmptyTruncatedOrTooLarge() {
        var jpeg = Samples.plainJpeg();
        var truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> evidence.keep(
                        List.of(
                                Upload.of("a.jpg", new byte[0]),
                                Upload.of("b.jpg", truncated),
                                Upload.of("c.png", noise())),
                        reporter))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations())
                            .extracting(Violation::field)
                            .containsExactly("evidence[0]", "evidence[1]", "evidence[2]");
                    assertThat(e.violations().get(0).reason()).isEqualTo(Phrase.of("intake.refusal.evidence.empty"));
                    assertThat(e.violations().get(1).reason()).isEqualTo(Phrase.of("intake.refusal.evidence.damaged"));
                    var tooLarge = java.util.Objects.requireNonNull(
                            e.violations().get(2).reason());
                    assertThat(tooLarge.key()).startsWith("intake.refusal.evidence.photoTooLarge");
                    assertThat(tooLarge.parameters()).containsEntry("max", "8 KiB");
                    assertThat(e.violations().get(2).message()).endsWith("每张照片最多 8 KiB");
                });
        assertThat(rowsOf(reporter)).isZero();
    }

    @Test
    void refusesMoreFilesThanAWhistleMayCarry() {
        var photo = Upload.of("p.jpg", Samples.plainJpeg());

        assertThatThrownBy(() -> evidence.keep(List.of(photo, photo, photo, photo), reporter))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation(
                                        "evidence",
                                        Phrase.of("intake.refusal.evidence.tooMany", "count", 4, "max", 3))));
    }

    @Test
    void removesStoredFilesWhenStoringFailsMidway() throws IOException {
        long filesBefore = filesInStore();
        store.failOnPut(2);

        assertThatThrownBy(() -> evidence.keep(
                        List.of(
                                Upload.of("a.jpg", Samples.jpegWithLocation()),
                                Upload.of("b.png", Samples.pngWithLocation())),
                        reporter))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(filesInStore()).isEqualTo(filesBefore);
        assertThat(rowsOf(reporter)).isZero();
    }

    @Test
    void removesStoredFilesWhenTheCallersTransactionRollsBack() throws IOException {
        long filesBefore = filesInStore();

        transactions.executeWithoutResult(status -> {
            evidence.keep(List.of(Upload.of("a.jpg", Samples.jpegWithLocation())), reporter);
            assertThat(rowsOf(reporter)).isOne();
            status.setRollbackOnly();
        });

        assertThat(rowsOf(reporter)).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
    }

    @Test
    void opensNothingForUnknownOrMalformedIds() {
        assertThat(evidence.open(UUID.randomUUID().toString())).isEmpty();
        assertThat(evidence.open("../../etc/passwd")).isEmpty();
    }

    private long rowsOf(String uploadedBy) {
        return jdbc.sql("SELECT count(*) FROM evidence WHERE uploaded_by = :by")
                .param("by", uploadedBy)
                .query(Long.class)
                .single();
    }

    private static long filesInStore() throws IOException {
        try (var files = Files.walk(MEDIA)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** A PNG of random pixels: it does not compress, so it is larger than the 8 KiB photo limit here. */
    private static byte[] noise() {
        var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The real local store, made to fail on the n-th upload so compensation can be seen on disk. */
    static class BreakableStore implements MediaStore {

        private final MediaStore delegate;
        private final AtomicInteger puts = new AtomicInteger();
        private volatile int failOn;

        BreakableStore(MediaStore delegate) {
            this.delegate = delegate;
        }

        void failOnPut(int n) {
            puts.set(0);
            failOn = n;
        }

        @Override
        public void put(String key, InputStream content, long size, String contentType, String sha256)
                throws IOException {
            if (puts.incrementAndGet() == failOn) {
                throw new IOException("disk full");
            }
            delegate.put(key, content, size, contentType, sha256);
        }

        @Override
        public Optional<InputStream> open(String key) throws IOException {
            return delegate.open(key);
        }

        @Override
        public void delete(String key) throws IOException {
            delegate.delete(key);
        }
    }

    @TestConfiguration
    static class Stores {

        @Bean
        @Primary
        BreakableStore breakableStore() {
            return new BreakableStore(new LocalDirectoryMediaStore(MEDIA));
        }
    }
}
