package org.whistle.intake.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies an MP4 while blanking the boxes that carry where and by whom it was recorded: {@code udta} (user data, where
 * phones write {@code ©xyz} GPS and camera details), {@code meta} (QuickTime/iTunes metadata, including Apple's
 * {@code com.apple.quicktime.location.ISO6709}) and XMP {@code uuid} boxes, at the top level, in {@code moov} and in
 * every {@code trak}. Each such box becomes a {@code free} box of the same size filled with zeros, so no offset in the
 * file moves and the media data is copied untouched, streaming, whatever the box order.
 *
 * <p>Location can also travel inside the media data itself, in timed-metadata tracks (GoPro {@code gpmd}, {@code
 * camm}, Apple {@code mebx}); those are not removed. A file with any track that is neither video nor audio is
 * therefore reported as not location-stripped.
 */
final class Mp4Metadata {

    /** The movie header is read into memory to be rewritten; phones write a few hundred KiB for minutes of video. */
    static final int MOVIE_HEADER_LIMIT = 16 * 1024 * 1024;

    private static final Set<String> BLANKED = Set.of("udta", "meta");
    private static final Set<String> PLAIN_TRACKS = Set.of("vide", "soun");
    private static final byte[] XMP_UUID = {
        (byte) 0xBE,
        0x7A,
        (byte) 0xCF,
        (byte) 0xCB,
        (byte) 0x97,
        (byte) 0xA9,
        0x42,
        (byte) 0xE8,
        (byte) 0x9C,
        0x71,
        (byte) 0x99,
        (byte) 0x94,
        (byte) 0x91,
        (byte) 0xE3,
        (byte) 0xAF,
        (byte) 0xAC
    };
    private static final byte[] FREE = "free".getBytes(StandardCharsets.ISO_8859_1);

    /** The length written and whether every place known to carry location was blanked. */
    record Result(long size, boolean locationStripped) {}

    private Mp4Metadata() {}

    static Result strip(InputStream in, OutputStream out) throws IOException, DamagedMediaException {
        long written = 0;
        boolean movie = false;
        boolean clean = true;
        var header = new byte[16];
        while (true) {
            int read = in.readNBytes(header, 0, 8);
            if (read == 0) {
                break;
            }
            if (read < 8) {
                throw new DamagedMediaException("ends inside a box header");
            }
            var type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            if (written == 0 && !type.equals("ftyp")) {
                throw new DamagedMediaException("does not start with an ftyp box");
            }
            long size = u32(header, 0);
            int headerLength = 8;
            if (size == 1) {
                if (in.readNBytes(header, 8, 8) < 8) {
                    throw new DamagedMediaException("ends inside a box header");
                }
                size = u64(header, 8);
                headerLength = 16;
            }
            if (size == 0) {
                if (type.equals("moov")) {
                    throw new DamagedMediaException("has an unbounded movie header");
                }
                out.write(header, 0, headerLength);
                written += headerLength + in.transferTo(out);
                break;
            }
            if (size < headerLength) {
                throw new DamagedMediaException("has a box shorter than its header");
            }
            long payload = size - headerLength;
            if (type.equals("moov")) {
                if (size > MOVIE_HEADER_LIMIT) {
                    throw new DamagedMediaException("has a movie header over 16 MiB");
                }
                var box = new byte[(int) size];
                System.arraycopy(header, 0, box, 0, headerLength);
                if (in.readNBytes(box, headerLength, (int) payload) < payload) {
                    throw new DamagedMediaException("ends inside its movie header");
                }
                clean &= blank(box, headerLength, box.length);
                out.write(box);
                movie = true;
            } else if (BLANKED.contains(type) || type.equals("uuid")) {
                var start = in.readNBytes((int) Math.min(payload, XMP_UUID.length));
                boolean blanked = BLANKED.contains(type) || Arrays.equals(start, XMP_UUID);
                if (blanked) {
                    System.arraycopy(FREE, 0, header, 4, 4);
                    out.write(header, 0, headerLength);
                    out.write(new byte[start.length]);
                    zeros(in, out, payload - start.length);
                } else {
                    out.write(header, 0, headerLength);
                    out.write(start);
                    copy(in, out, payload - start.length);
                }
            } else {
                out.write(header, 0, headerLength);
                copy(in, out, payload);
            }
            written += size;
        }
        if (!movie) {
            throw new DamagedMediaException("has no movie header");
        }
        return new Result(written, clean);
    }

    /** Blanks metadata among the children in {@code [from, to)}; false when a track may carry location in its data. */
    private static boolean blank(byte[] box, int from, int to) throws DamagedMediaException {
        boolean clean = true;
        int at = from;
        while (at < to) {
            var child = Child.at(box, at, to);
            if (BLANKED.contains(child.type) || child.type.equals("uuid") && isXmp(box, child)) {
                System.arraycopy(FREE, 0, box, at + 4, 4);
                Arrays.fill(box, child.payload, child.end, (byte) 0);
            } else if (child.type.equals("trak")) {
                clean &= PLAIN_TRACKS.contains(handler(box, child.payload, child.end));
                clean &= blank(box, child.payload, child.end);
            }
            at = child.end;
        }
        return clean;
    }

    /** The handler type of a track ({@code trak/mdia/hdlr}), or an empty string when it has none. */
    private static String handler(byte[] box, int from, int to) throws DamagedMediaException {
        for (int at = from; at < to; ) {
            var child = Child.at(box, at, to);
            if (child.type.equals("mdia")) {
                for (int inner = child.payload; inner < child.end; ) {
                    var grandchild = Child.at(box, inner, child.end);
                    if (grandchild.type.equals("hdlr") && grandchild.end - grandchild.payload >= 12) {
                        return new String(box, grandchild.payload + 8, 4, StandardCharsets.ISO_8859_1);
                    }
                    inner = grandchild.end;
                }
            }
            at = child.end;
        }
        return "";
    }

    private static boolean isXmp(byte[] box, Child child) {
        return child.end - child.payload >= XMP_UUID.length
                && Arrays.equals(box, child.payload, child.payload + XMP_UUID.length, XMP_UUID, 0, XMP_UUID.length);
    }

    /** A box inside the movie header: its type, where its payload starts and where it ends. */
    private record Child(String type, int payload, int end) {

        static Child at(byte[] box, int at, int limit) throws DamagedMediaException {
            if (at + 8 > limit) {
                throw new DamagedMediaException("has a box header past its parent");
            }
            long size = u32(box, at);
            int header = 8;
            if (size == 1) {
                if (at + 16 > limit) {
                    throw new DamagedMediaException("has a box header past its parent");
                }
                size = u64(box, at + 8);
                header = 16;
            } else if (size == 0) {
                size = limit - at;
            }
            if (size < header || size > limit - at) {
                throw new DamagedMediaException("has a box larger than its parent");
            }
            return new Child(new String(box, at + 4, 4, StandardCharsets.ISO_8859_1), at + header, at + (int) size);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException, DamagedMediaException {
        var buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new DamagedMediaException("ends inside a box");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void zeros(InputStream in, OutputStream out, long length) throws IOException, DamagedMediaException {
        var zeros = new byte[8192];
        long left = length;
        while (left > 0) {
            int skip = (int) Math.min(zeros.length, left);
            if (in.readNBytes(skip).length < skip) {
                throw new DamagedMediaException("ends inside a box");
            }
            out.write(zeros, 0, skip);
            left -= skip;
        }
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) << 32 | u32(b, at + 4);
    }
}
