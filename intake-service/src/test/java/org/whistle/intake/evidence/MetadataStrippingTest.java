package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.whistle.intake.evidence.Samples.LATITUDE_RATIONALS;
import static org.whistle.intake.evidence.Samples.XMP_LOCATION;
import static org.whistle.intake.evidence.Samples.ascii;
import static org.whistle.intake.evidence.Samples.contains;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MetadataStrippingTest {

    private static final byte[] XMP = XMP_LOCATION.getBytes(StandardCharsets.UTF_8);

    @Test
    void samplesCarryTheLocationBeforeStripping() {
        assertThat(contains(Samples.jpegWithLocation(), LATITUDE_RATIONALS)).isTrue();
        assertThat(contains(Samples.jpegWithLocation(), XMP)).isTrue();
        assertThat(contains(Samples.pngWithLocation(), LATITUDE_RATIONALS)).isTrue();
        assertThat(contains(Samples.webpWithLocation(), LATITUDE_RATIONALS)).isTrue();
        assertThat(contains(Samples.mp4WithLocation("vide"), ascii(Samples.MP4_LOCATION)))
                .isTrue();
    }

    @Test
    void removesExifGpsXmpCommentsAndAppendedImagesFromJpeg() throws Exception {
        var stripped = JpegMetadata.strip(Samples.jpegWithLocation());

        assertThat(contains(stripped, LATITUDE_RATIONALS)).isFalse();
        assertThat(contains(stripped, XMP)).isFalse();
        assertThat(contains(stripped, ascii("123.92E"))).isFalse();
        assertThat(stripped[stripped.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(stripped[stripped.length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void keepsAJpegDecodableWithTheSamePixels() throws Exception {
        var original = ImageIO.read(new ByteArrayInputStream(Samples.jpegWithLocation()));
        var stripped = ImageIO.read(new ByteArrayInputStream(JpegMetadata.strip(Samples.jpegWithLocation())));

        assertThat(stripped.getWidth()).isEqualTo(32);
        assertThat(stripped.getHeight()).isEqualTo(24);
        assertThat(stripped.getRGB(12, 10)).isEqualTo(original.getRGB(12, 10));
    }

    @Test
    void keepsOnlyTheOrientationOfAJpegsExif() throws Exception {
        var stripped = JpegMetadata.strip(Samples.jpegWithLocation());
        int exif = Samples.indexOf(stripped, ascii("Exif\0\0"));

        assertThat(exif).isPositive();
        int segmentLength = (stripped[exif - 2] & 0xFF) << 8 | (stripped[exif - 1] & 0xFF);
        assertThat(segmentLength).isEqualTo(34);
        assertThat(JpegMetadata.orientation(stripped, exif + 6, segmentLength - 2 - 6))
                .isEqualTo(6);
    }

    @Test
    void leavesAJpegWithoutMetadataAsItWas() throws Exception {
        var plain = Samples.plainJpeg();

        assertThat(JpegMetadata.strip(plain)).isEqualTo(plain);
    }

    @Test
    void refusesTruncatedJpeg() {
        var jpeg = Samples.plainJpeg();
        var truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> JpegMetadata.strip(truncated)).isInstanceOf(DamagedMediaException.class);
        assertThatThrownBy(() -> JpegMetadata.strip(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isInstanceOf(DamagedMediaException.class);
    }

    @Test
    void removesExifAndTextChunksFromPngAndKeepsItDecodable() throws Exception {
        var stripped = PngMetadata.strip(Samples.pngWithLocation());

        assertThat(contains(stripped, ascii("eXIf"))).isFalse();
        assertThat(contains(stripped, ascii("iTXt"))).isFalse();
        assertThat(contains(stripped, LATITUDE_RATIONALS)).isFalse();
        assertThat(contains(stripped, XMP)).isFalse();
        assertThat(stripped).isEqualTo(Samples.plainPng());
        var image = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(image.getRGB(12, 10)).isEqualTo(Samples.picture().getRGB(12, 10));
    }

    @Test
    void refusesTruncatedPng() {
        var png = Samples.plainPng();

        assertThatThrownBy(() -> PngMetadata.strip(Arrays.copyOf(png, png.length - 12)))
                .isInstanceOf(DamagedMediaException.class);
    }

    @Test
    void removesExifAndXmpChunksFromWebpAndFixesSizeAndFlags() throws Exception {
        var original = Samples.webpWithLocation();
        var stripped = WebpMetadata.strip(original);

        assertThat(contains(stripped, ascii("EXIF"))).isFalse();
        assertThat(contains(stripped, ascii("XMP "))).isFalse();
        assertThat(contains(stripped, LATITUDE_RATIONALS)).isFalse();
        long riffSize = (stripped[4] & 0xFF)
                | (stripped[5] & 0xFF) << 8
                | (stripped[6] & 0xFF) << 16
                | (long) (stripped[7] & 0xFF) << 24;
        assertThat(riffSize).isEqualTo(stripped.length - 8);
        int flags = stripped[12 + 8] & 0xFF;
        assertThat(flags & 0x0C).as("EXIF and XMP flags").isZero();
        var imageChunk = Arrays.copyOfRange(original, 12 + 18, 12 + 18 + 14);
        assertThat(contains(stripped, imageChunk)).as("VP8L chunk untouched").isTrue();
    }

    @Test
    void refusesWebpWhoseChunksRunPastTheFile() {
        var webp = Samples.webpWithLocation();
        var lying = Arrays.copyOf(webp, webp.length);
        lying[12 + 18 + 4] = (byte) 0x7F; // VP8L chunk size far beyond the file

        assertThatThrownBy(() -> WebpMetadata.strip(lying)).isInstanceOf(DamagedMediaException.class);
    }

    @Test
    void blanksUserDataInMp4WithoutMovingAnyOffset() throws Exception {
        var original = Samples.mp4WithLocation("vide");
        var out = new ByteArrayOutputStream();

        var result = Mp4Metadata.strip(new ByteArrayInputStream(original), out);

        var stripped = out.toByteArray();
        assertThat(result.locationStripped()).isTrue();
        assertThat(result.size()).isEqualTo(original.length);
        assertThat(stripped).hasSameSizeAs(original);
        assertThat(contains(stripped, ascii(Samples.MP4_LOCATION))).isFalse();
        assertThat(contains(stripped, ascii("udta"))).isFalse();
        assertThat(Samples.indexOf(stripped, Samples.mdatPayload()))
                .isEqualTo(Samples.indexOf(original, Samples.mdatPayload()));
        assertThat(contains(stripped, ascii("hdlr"))).as("track structure kept").isTrue();
    }

    @Test
    void reportsMp4WithATimedMetadataTrackAsNotStripped() throws Exception {
        var result = Mp4Metadata.strip(
                new ByteArrayInputStream(Samples.mp4WithLocation("meta")), new ByteArrayOutputStream());

        assertThat(result.locationStripped()).isFalse();
    }

    @Test
    void refusesMp4WithoutMovieHeaderOrCutShort() {
        var noMovie = Samples.concat(Samples.ftyp("isom", "isom"), Samples.box("mdat", new byte[16]));
        var original = Samples.mp4WithLocation("vide");
        var cut = Arrays.copyOf(original, original.length - 40);

        assertThatThrownBy(() -> Mp4Metadata.strip(new ByteArrayInputStream(noMovie), new ByteArrayOutputStream()))
                .isInstanceOf(DamagedMediaException.class);
        assertThatThrownBy(() -> Mp4Metadata.strip(new ByteArrayInputStream(cut), new ByteArrayOutputStream()))
                .isInstanceOf(DamagedMediaException.class);
    }
}
