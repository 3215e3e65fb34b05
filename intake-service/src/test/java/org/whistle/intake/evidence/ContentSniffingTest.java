package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.whistle.intake.evidence.Samples.ascii;
import static org.whistle.intake.evidence.Samples.concat;
import static org.whistle.intake.evidence.Samples.ftyp;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentSniffingTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("JPEG from ImageIO", Samples.plainJpeg(), MediaFormat.JPEG),
                Arguments.of("PNG from ImageIO", Samples.plainPng(), MediaFormat.PNG),
                Arguments.of("WebP", Samples.webpWithLocation(), MediaFormat.WEBP),
                Arguments.of("HEIC (iPhone)", ftyp("heic", "mif1", "heic"), MediaFormat.HEIC),
                Arguments.of("HEIC heix", ftyp("heix", "mif1", "heix"), MediaFormat.HEIC),
                Arguments.of("HEIF mif1 (Samsung)", ftyp("mif1", "mif1", "heic"), MediaFormat.HEIF),
                Arguments.of("HEIF sequence msf1", ftyp("msf1", "msf1"), MediaFormat.HEIF_SEQUENCE),
                Arguments.of("HEIC sequence hevc", ftyp("hevc", "msf1", "hevc"), MediaFormat.HEIC_SEQUENCE),
                Arguments.of("MP4 isom", Samples.mp4WithLocation("vide"), MediaFormat.MP4),
                Arguments.of("MP4 mp42", ftyp("mp42", "isom", "mp42"), MediaFormat.MP4),
                Arguments.of("MP4 avc1", ftyp("avc1", "isom"), MediaFormat.MP4),
                Arguments.of("MP4 M4V", ftyp("M4V ", "M4V ", "mp42"), MediaFormat.MP4),
                Arguments.of("camera brand compatible with isom", ftyp("XAVC", "XAVC", "isom"), MediaFormat.MP4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void recognisesAcceptedFormatsByTheirBytes(String description, byte[] bytes, MediaFormat expected) {
        assertThat(ContentSniffing.sniff(bytes)).contains(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("PDF named .jpg", ascii("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n1 0 obj")),
                Arguments.of("HTML named .jpg", ascii("<!DOCTYPE html><html><script>alert(1)</script>")),
                Arguments.of("SVG", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")),
                Arguments.of("GIF", ascii("GIF89a\u0001\u0000\u0001\u0000")),
                Arguments.of("ZIP", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0}),
                Arguments.of("RIFF WAVE audio", ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")),
                Arguments.of("QuickTime MOV", ftyp("qt  ", "qt  ")),
                Arguments.of("AVIF", ftyp("avif", "mif1", "miaf")),
                Arguments.of("3GP", ftyp("3gp4", "3gp4")),
                Arguments.of("empty file", new byte[0]),
                Arguments.of("truncated JPEG signature", new byte[] {(byte) 0xFF, (byte) 0xD8}),
                Arguments.of("truncated PNG signature", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                Arguments.of("truncated ftyp", concat(new byte[] {0, 0, 0, 24}, ascii("ftyphe"))),
                Arguments.of(
                        "ftyp with an impossible size", concat(new byte[] {0, 0, 0, 9}, ascii("ftypheic\0\0\0\0"))),
                Arguments.of("RIFF without WEBP", ascii("RIFF\u0010\u0000\u0000\u0000AVI LIST")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesEverythingElseWhateverItIsCalled(String description, byte[] bytes) {
        assertThat(ContentSniffing.sniff(bytes)).isEmpty();
    }
}
