package org.whistle.intake.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a file by its leading bytes only. File names and declared content types are chosen by the client and
 * prove nothing; a {@code .jpg} that starts like a PDF is a PDF.
 */
final class ContentSniffing {

    /** Enough for any signature and for the compatible-brand list of an ISO-BMFF {@code ftyp} box. */
    static final int HEAD_LENGTH = 4096;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final Map<String, MediaFormat> HEIF_BRANDS = Map.of(
            "heic", MediaFormat.HEIC,
            "heix", MediaFormat.HEIC,
            "hevc", MediaFormat.HEIC_SEQUENCE,
            "hevx", MediaFormat.HEIC_SEQUENCE,
            "mif1", MediaFormat.HEIF,
            "msf1", MediaFormat.HEIF_SEQUENCE);

    /** Major brands of MP4 files as phones, cameras and messengers write them. QuickTime ({@code qt  }) is not MP4. */
    private static final Set<String> MP4_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "MSNV",
            "mmp4", "f4v ", "dash");

    /** Brands that, listed as compatible, make an unknown major brand (a camera vendor's own) a plain MP4. */
    private static final Set<String> MP4_COMPATIBLE = Set.of("isom", "iso2", "mp41", "mp42");

    private ContentSniffing() {}

    /** The format the bytes begin with, or empty when they are not one intake accepts. */
    static Optional<MediaFormat> sniff(byte[] head) {
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(MediaFormat.JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(MediaFormat.PNG);
        }
        if (head.length >= 16 && ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("WEBP")) {
            return Optional.of(MediaFormat.WEBP);
        }
        return isoMedia(head);
    }

    /** ISO base media files open with {@code ftyp}: size, "ftyp", major brand, minor version, compatible brands. */
    private static Optional<MediaFormat> isoMedia(byte[] head) {
        if (head.length < 16 || !ascii(head, 4).equals("ftyp")) {
            return Optional.empty();
        }
        long boxSize = Integer.toUnsignedLong(int32(head, 0));
        if (boxSize < 16 || boxSize % 4 != 0) {
            return Optional.empty();
        }
        var major = ascii(head, 8);
        var heif = HEIF_BRANDS.get(major);
        if (heif != null) {
            return Optional.of(heif);
        }
        if (MP4_BRANDS.contains(major)) {
            return Optional.of(MediaFormat.MP4);
        }
        int end = (int) Math.min(boxSize, head.length);
        for (int at = 16; at + 4 <= end; at += 4) {
            if (MP4_COMPATIBLE.contains(ascii(head, at))) {
                return Optional.of(MediaFormat.MP4);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
