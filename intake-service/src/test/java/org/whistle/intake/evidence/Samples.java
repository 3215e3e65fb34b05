package org.whistle.intake.evidence;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real photo and video bytes for tests, with location metadata put in by hand where phones put it. */
public final class Samples {

    /** Qiqihar's latitude, 47° 21' 12.34", as the three EXIF rationals — a byte pattern to look for. */
    public static final byte[] LATITUDE_RATIONALS = ByteBuffer.allocate(24)
            .putInt(47)
            .putInt(1)
            .putInt(21)
            .putInt(1)
            .putInt(1234)
            .putInt(100)
            .array();

    public static final String XMP_LOCATION = "<exif:GPSLatitude>47,21.2N</exif:GPSLatitude>";
    public static final String MP4_LOCATION = "+47.3534+123.9180/";

    private Samples() {}

    static BufferedImage picture() {
        var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.BLUE);
        g.fillRect(8, 6, 10, 10);
        g.dispose();
        return image;
    }

    public static byte[] plainJpeg() {
        return write("jpg");
    }

    public static byte[] plainPng() {
        return write("png");
    }

    /**
     * A JPEG as a phone writes it: JFIF, then an Exif APP1 with orientation 6 and a GPS IFD, an XMP APP1 with the
     * location again, a comment, and a second image appended after EOI the way MPF does.
     */
    public static byte[] jpegWithLocation() {
        var jpeg = plainJpeg();
        int app0Length = (jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF);
        int afterApp0 = 4 + app0Length;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterApp0);
        out.writeBytes(segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps())));
        out.writeBytes(segment(
                0xE1,
                ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + XMP_LOCATION + "</x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(segment(0xFE, "shot at 47.35N 123.92E".getBytes(StandardCharsets.US_ASCII)));
        out.write(jpeg, afterApp0, jpeg.length - afterApp0);
        out.writeBytes(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment(0xE1, tiffWithGps())));
        return out.toByteArray();
    }

    /** A PNG with an {@code eXIf} chunk holding a GPS IFD and an {@code iTXt} chunk holding XMP. */
    public static byte[] pngWithLocation() {
        var png = plainPng();
        int afterHeader = 8 + 25; // signature, IHDR
        var out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk("eXIf", tiffWithGps()));
        out.writeBytes(chunk(
                "iTXt",
                ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + XMP_LOCATION + "</x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8)));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A lossless WebP container (VP8X with EXIF and XMP flags, VP8L data, EXIF and XMP chunks). */
    public static byte[] webpWithLocation() {
        var vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x0C).put(new byte[3]);
        vp8x.put(new byte[] {31, 0, 0, 23, 0, 0}); // canvas 32 x 24, minus one
        var body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(riffChunk("VP8X", vp8x.array()));
        body.writeBytes(riffChunk("VP8L", new byte[] {0x2F, 31, (byte) 0xC0, 5, 0}));
        body.writeBytes(riffChunk("EXIF", tiffWithGps()));
        body.writeBytes(
                riffChunk("XMP ", ("<x:xmpmeta>" + XMP_LOCATION + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        return concat(riffHeader(body.size()), body.toByteArray());
    }

    /**
     * An MP4 as an Android phone writes it: {@code ftyp}, {@code mdat}, then {@code moov} with a video track and a
     * {@code udta/©xyz} location at movie and track level.
     */
    public static byte[] mp4WithLocation(String handler) {
        var location =
                box("udta", box("\u00A9xyz", concat(new byte[] {0, 18, 0x15, (byte) 0xC7}, ascii(MP4_LOCATION))));
        var track = box("trak", concat(box("tkhd", new byte[84]), box("mdia", box("hdlr", hdlr(handler))), location));
        var moov = box("moov", concat(box("mvhd", new byte[100]), track, location));
        return concat(ftyp("isom", "isom", "mp41"), box("mdat", mdatPayload()), moov);
    }

    public static byte[] mdatPayload() {
        var payload = new byte[4096];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        return payload;
    }

    public static byte[] ftyp(String major, String... compatible) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ascii(major));
        out.writeBytes(new byte[4]);
        for (var brand : compatible) {
            out.writeBytes(ascii(brand));
        }
        return box("ftyp", out.toByteArray());
    }

    public static byte[] box(String type, byte[] payload) {
        return concat(
                ByteBuffer.allocate(8)
                        .putInt(8 + payload.length)
                        .put(ascii(type))
                        .array(),
                payload);
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 with Orientation = 6 and a GPS IFD pointer; the GPS IFD with latitude N 47° 21' 12.34". */
    public static byte[] tiffWithGps() {
        var tiff = ByteBuffer.allocate(92);
        tiff.put(ascii("MM")).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 6)
                .putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 38
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(ascii("N\0\0\0"));
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.put(LATITUDE_RATIONALS);
        return tiff.array();
    }

    private static byte[] hdlr(String handler) {
        return concat(new byte[8], ascii(handler), new byte[12], ascii("Handler\0"));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] chunk(String type, byte[] data) {
        var crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(ascii(type))
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] riffChunk(String fourcc, byte[] data) {
        var buffer = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(ascii(fourcc)).putInt(data.length).put(data);
        return buffer.array();
    }

    private static byte[] riffHeader(int bodySize) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF"))
                .putInt(bodySize)
                .array();
    }

    private static byte[] write(String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(picture(), format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
