package org.whistle.intake.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a JPEG without the segments that can carry where and by whom it was taken: APP1 (Exif, with its GPS IFD,
 * and XMP), APP2 other than ICC profiles (MPF, FlashPix), APP3–APP13 (APP13 is Photoshop/IPTC), APP15 and comments.
 * Data after EOI (appended MPF images, each with its own Exif) is dropped. APP0 (JFIF), ICC profiles, APP14 (Adobe
 * colour transform) and every coding segment stay, so the picture decodes as before.
 *
 * <p>The Exif orientation is the one tag worth keeping (phones store portrait photos sideways and rely on it); when it
 * is other than "normal" it is written back as a minimal Exif segment holding only that tag.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final int TAG_ORIENTATION = 0x0112;

    private JpegMetadata() {}

    static byte[] strip(byte[] in) throws DamagedMediaException {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != SOI) {
            throw new DamagedMediaException("does not start with a JPEG start-of-image marker");
        }
        var out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(SOI);
        boolean exifReplaced = false;
        int pos = 2;
        while (true) {
            if (pos >= in.length || (in[pos] & 0xFF) != 0xFF) {
                throw new DamagedMediaException("ends or breaks before its end-of-image marker");
            }
            while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            if (pos >= in.length) {
                throw new DamagedMediaException("ends inside a marker");
            }
            int marker = in[pos++] & 0xFF;
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (pos + 2 > in.length) {
                throw new DamagedMediaException("ends inside a segment length");
            }
            int length = (in[pos] & 0xFF) << 8 | (in[pos + 1] & 0xFF);
            if (length < 2 || pos + length > in.length) {
                throw new DamagedMediaException("has a segment longer than the file");
            }
            if (keeps(marker, in, pos + 2, length - 2)) {
                out.write(0xFF);
                out.write(marker);
                out.write(in, pos, length);
            } else if (marker == APP1 && !exifReplaced && isExif(in, pos + 2, length - 2)) {
                exifReplaced = true;
                int orientation = orientation(in, pos + 2 + 6, length - 2 - 6);
                if (orientation > 1) {
                    out.writeBytes(orientationOnly(orientation));
                }
            }
            pos += length;
            if (marker == SOS) {
                pos = copyEntropyCodedData(in, pos, out);
            }
        }
    }

    private static boolean keeps(int marker, byte[] in, int payload, int payloadLength) {
        if (marker == APP0 || marker == APP14) {
            return true;
        }
        if (marker == APP2) {
            return startsWith(in, payload, payloadLength, "ICC_PROFILE\0");
        }
        return !(marker >= APP1 && marker <= APP15) && marker != COM;
    }

    /** Copies scan data up to the next marker; in it 0xFF is followed by 0x00 (stuffing) or a restart marker. */
    private static int copyEntropyCodedData(byte[] in, int pos, ByteArrayOutputStream out)
            throws DamagedMediaException {
        int start = pos;
        while (pos < in.length) {
            if ((in[pos] & 0xFF) == 0xFF && pos + 1 < in.length) {
                int next = in[pos + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    out.write(in, start, pos - start);
                    return pos;
                }
                pos += next == 0xFF ? 1 : 2;
            } else {
                pos++;
            }
        }
        throw new DamagedMediaException("ends inside its image data");
    }

    private static boolean isExif(byte[] in, int payload, int payloadLength) {
        return startsWith(in, payload, payloadLength, "Exif\0\0");
    }

    /** The orientation tag (1–8) in IFD0 of a TIFF structure, or 0 when absent or unreadable. */
    static int orientation(byte[] in, int tiff, int tiffLength) {
        if (tiffLength < 8 || tiff + tiffLength > in.length) {
            return 0;
        }
        boolean little;
        if (in[tiff] == 'I' && in[tiff + 1] == 'I') {
            little = true;
        } else if (in[tiff] == 'M' && in[tiff + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        long ifd = u32(in, tiff + 4, little);
        if (ifd < 8 || ifd + 2 > tiffLength) {
            return 0;
        }
        int entries = u16(in, tiff + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = tiff + (int) ifd + 2 + i * 12;
            if (entry + 12 > tiff + tiffLength) {
                return 0;
            }
            if (u16(in, entry, little) == TAG_ORIENTATION && u16(in, entry + 2, little) == 3) {
                int value = u16(in, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 segment whose Exif holds one IFD with one entry: the orientation. */
    private static byte[] orientationOnly(int orientation) {
        return new byte[] {
            (byte) 0xFF,
            (byte) APP1,
            0,
            34, // marker and length
            'E',
            'x',
            'i',
            'f',
            0,
            0, // Exif identifier
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // big-endian TIFF header, IFD0 at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, count 1
            0,
            0,
            0,
            0 // no next IFD
        };
    }

    private static boolean startsWith(byte[] in, int offset, int available, String prefix) {
        var expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (available < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (in[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long value = little
                ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24
                : (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
        return value;
    }
}
