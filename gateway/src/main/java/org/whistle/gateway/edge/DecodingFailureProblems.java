package org.whistle.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty answers a request it cannot decode — a request line over its limit (414), headers over theirs (431),
 * a broken request line (400) — itself, with no body, and closes the connection; no filter of ours ever sees it. This
 * gives those answers the problem detail every other refusal is, on their way out of the channel.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "whistleDecodingFailureProblems", new Handler());
            }
        });
    }

    /** One per channel: it keeps no state, but Netty shares only handlers marked as sharable. */
    static final class Handler extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && bareDecodingFailure(response)) {
                var status = HttpStatus.valueOf(response.status().code());
                var refusal = Refusal.of(status);
                var body = Problems.body(status, refusal.kind(), refusal.title(), refusal.detail(), null);
                var replacement = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                replacement
                        .headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                context.write(replacement, promise);
                return;
            }
            context.write(message, promise);
        }

        /** What Reactor Netty sends for a request it could not decode: an error, no body, no type, closing. */
        private static boolean bareDecodingFailure(FullHttpResponse response) {
            int code = response.status().code();
            return (code == 400 || code == 413 || code == 414 || code == 431)
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }

        /** The problem's type, title and detail for each status Reactor Netty refuses with. */
        private record Refusal(String kind, String title, String detail) {

            static Refusal of(HttpStatus status) {
                return switch (status) {
                    case URI_TOO_LONG -> new Refusal("uri-too-long", "地址过长", "请求的地址超出了平台可读取的长度。");
                    case REQUEST_HEADER_FIELDS_TOO_LARGE ->
                        new Refusal("headers-too-large", "请求头过大", "请求头超出了平台可读取的大小。");
                    case CONTENT_TOO_LARGE -> new Refusal("content-too-large", "请求内容过大", "请求超出了平台可读取的大小。");
                    default -> new Refusal("malformed-request", "请求格式有误", "无法按 HTTP 读取此请求。");
                };
            }
        }
    }
}
