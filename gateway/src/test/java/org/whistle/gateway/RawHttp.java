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

    JsonNode json() {
        return JsonMapper.shared().readTree(body);
    }
}
