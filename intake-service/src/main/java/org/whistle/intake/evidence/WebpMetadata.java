package org.whistle.intake.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites a WebP without its {@code EXIF} and {@code XMP } chunks, clears the matching flags in the {@code VP8X}
 * header and sets the RIFF size to what remains. Image, alpha, animation and ICC chunks stay; bytes after the RIFF
 * container are dropped.
 */
final class WebpMetadata {

    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpMetadata() {}

    static byte[] strip(byte[] in) throws DamagedMediaException {
        if (in.length < 20) {
            throw new DamagedMediaException("is too short to hold a WebP image");
        }
        long riffSize = le32(in, 4);
        if (riffSize < 12 || riffSize > in.length - 8L) {
            throw new DamagedMediaException("declares a RIFF size beyond the file");
        }
        int end = (int) riffSize + 8;
        var out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        int pos = 12;
        boolean image = false;
        while (pos < end) {
            if (pos + 8 > end) {
                throw new DamagedMediaException("ends inside a chunk header");
            }
            var fourcc = new String(in, pos, 4, StandardCharsets.ISO_8859_1);
            long size = le32(in, pos + 4);
            long padded = size + (size & 1);
            if (padded > end - pos - 8L) {
                if (size <= end - pos - 8L && pos + 8 + size == end) {
                    padded = size; // some encoders omit the final pad byte
                } else {
                    throw new DamagedMediaException("has a chunk longer than the file");
                }
            }
            int chunkLength = 8 + (int) padded;
            switch (fourcc) {
                case "EXIF", "XMP " -> {}
                case "VP8X" -> {
                    if (size < 10) {
                        throw new DamagedMediaException("has a short VP8X header");
                    }
                    var chunk = Arrays.copyOfRange(in, pos, pos + chunkLength);
                    chunk[8] = (byte) (chunk[8] & ~(EXIF_FLAG | XMP_FLAG));
                    out.writeBytes(chunk);
                }
                default -> {
                    image |= fourcc.equals("VP8 ") || fourcc.equals("VP8L") || fourcc.equals("ANMF");
                    out.write(in, pos, chunkLength);
                }
            }
            pos += chunkLength;
        }
        if (!image) {
            throw new DamagedMediaException("holds no image data");
        }
        var bytes = out.toByteArray();
        long newSize = bytes.length - 8L;
        bytes[4] = (byte) newSize;
        bytes[5] = (byte) (newSize >>> 8);
        bytes[6] = (byte) (newSize >>> 16);
        bytes[7] = (byte) (newSize >>> 24);
        return bytes;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24;
    }
}
