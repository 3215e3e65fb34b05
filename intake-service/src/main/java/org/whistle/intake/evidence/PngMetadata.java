package org.whistle.intake.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Rewrites a PNG without the chunks that carry metadata: {@code eXIf} (Exif, with GPS), the text chunks
 * {@code tEXt}, {@code zTXt} and {@code iTXt} (where XMP and free-form comments live) and {@code caBX} (C2PA
 * manifests, which may hold location assertions). Anything after {@code IEND} is dropped. Image, palette, gamma and
 * colour-profile chunks stay.
 */
final class PngMetadata {

    static final Set<String> DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "caBX");

    private static final int SIGNATURE_LENGTH = 8;

    private PngMetadata() {}

    static byte[] strip(byte[] in) throws DamagedMediaException {
        var out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, SIGNATURE_LENGTH);
        int pos = SIGNATURE_LENGTH;
        boolean first = true;
        while (true) {
            if (pos + 12 > in.length) {
                throw new DamagedMediaException("ends before its IEND chunk");
            }
            long length = Integer.toUnsignedLong((in[pos] & 0xFF) << 24
                    | (in[pos + 1] & 0xFF) << 16
                    | (in[pos + 2] & 0xFF) << 8
                    | (in[pos + 3] & 0xFF));
            var type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > in.length - pos - 12L) {
                throw new DamagedMediaException("has a chunk longer than the file");
            }
            if (first && !type.equals("IHDR")) {
                throw new DamagedMediaException("does not start with an IHDR chunk");
            }
            first = false;
            int chunkLength = (int) length + 12;
            if (!DROPPED.contains(type)) {
                out.write(in, pos, chunkLength);
            }
            pos += chunkLength;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }
}
