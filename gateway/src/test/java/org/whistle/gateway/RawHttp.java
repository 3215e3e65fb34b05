package org.whistle.gateway;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request written byte for byte on a socket, for addresses an HTTP client would refuse or re-encode. HTTP/1.0, so
 * the answer ends with the connection and is never chunked.
 */
record RawHttp(int status, String contentType, String body) {

    static RawHttp get(int port, String path, String... headers) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            var request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n");
            for (var header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            var raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = raw.indexOf("\r\n\r\n");
            var head = raw.substring(0, headEnd).split("\r\n");
            var contentType = "";
            for (var line : head) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            return new RawHttp(Integer.parseInt(head[0].split(" ")[1]), contentType, raw.substring(headEnd + 4));
        }
    }

    /**
     * A POST whose body is written from another thread while the answer is read, as a client that sends its whole body
     * does; with {@code chunked} the body has no declared length. Errors while writing are ignored: only whether the
     * answer arrives counts.
     */
    static RawHttp post(int port, String path, byte[] body, boolean chunked) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            var head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "\r\n";
            var writer = Thread.ofVirtual().start(() -> {
                try {
                    var out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    for (int at = 0; at < body.length; at += 8192) {
                        int length = Math.min(8192, body.length - at);
                        if (chunked) {
                            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write(body, at, length);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server may close once it has answered; the answer is what the test checks.
                }
            });
            var in = socket.getInputStream();
            var raw = new java.io.ByteArrayOutputStream();
            var buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    raw.write(buffer, 0, read);
                    if (complete(raw.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (java.net.SocketException e) {
                if (raw.size() == 0) {
                    throw new IOException("No answer before the connection was reset", e);
                }
            }
            writer.interrupt();
            return parse(raw.toString(StandardCharsets.UTF_8));
        }
    }

    /** Head and a body as long as its Content-Length. */
    private static boolean complete(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        for (var line : raw.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
                return raw.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8).length >= length;
            }
        }
        return false;
    }

    private static RawHttp parse(String raw) throws IOException {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("No complete answer: [" + raw + "]");
        }
        var head = raw.substring(0, headEnd).split("\r\n");
        var contentType = "";
        for (var line : head) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return new RawHttp(Integer.parseInt(head[0].split(" ")[1]), contentType, raw.substring(headEnd + 4));
    }

    JsonNode json() {
        return JsonMapper.shared().readTree(body);
    }
}
