package org.whistle.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Answers a request the HTTP decoder cannot read — a request line over its limit (414), headers over theirs (431), a
 * broken request line (400) — with a problem detail, after every answer the connection still owes, and then closes
 * the connection. No filter of ours ever sees such a request.
 *
 * <h2>Why this does not leave it to Reactor Netty</h2>
 *
 * Reactor Netty answers such a request itself, with no body, but loses the answer when the request arrives while the
 * connection's previous exchange is still finishing — which a keep-alive client makes likely, because it sends its
 * next request as soon as it has read the previous answer's last byte, before the server has written the end of that
 * answer and released the exchange:
 *
 * <ul>
 *   <li>while the previous answer is still being written, the unreadable request is queued as a pipelined one and,
 *       since the decoder reports it as HTTP/1.0 without keep-alive, the connection is marked to close: the previous
 *       answer ends, the connection closes, and the queued request is dropped unanswered;
 *   <li>once that answer is written but its exchange is not yet released, the refusal is handed to the finished
 *       exchange, which has nothing left to send: no answer is written and the connection is neither read nor closed,
 *       so the client waits until its own timeout.
 * </ul>
 *
 * This handler sits between the codec and Reactor Netty's own handler: it counts the answers the connection owes (a
 * request in, the last part of a final answer out), keeps an unreadable request from Reactor Netty, and writes the
 * refusal — {@code Connection: close}, then closes — as soon as no earlier answer is outstanding. Every answer is
 * thereby one a client reads; nothing after the unreadable request is passed on (the decoder discards it, and
 * {@link LingeringClose} reads and drops what the client still sends until it closes its side).
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.whistle.gateway.access");

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "whistleDecodingFailureProblems", new Handler());
            }
        });
    }

    /** One per channel: it counts that channel's outstanding answers. Only the channel's event loop calls it. */
    static final class Handler extends ChannelDuplexHandler {

        /** Requests passed on whose final answer has not been written to its end yet. */
        private int owed;

        /** Set by an unreadable request; from then on nothing more is read or passed on. */
        private boolean refused;

        /** The refusal, until it is sent. */
        private @Nullable FullHttpResponse pending;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (refused) {
                // Whatever follows an unreadable request cannot be framed; the connection closes after the refusal.
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    refused = true;
                    pending = refusalFor(request.decoderResult().cause());
                    ReferenceCountUtil.release(message);
                    ACCESS.info(
                            "method=- path=- status={} connection={} refused=unreadable answers_owed_before={}",
                            pending.status().code(),
                            context.channel().id().asShortText(),
                            owed);
                    if (owed == 0) {
                        sendRefusal(context);
                    }
                    return;
                }
                owed++;
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            var outgoing = message instanceof FullHttpResponse response && bareDecodingFailure(response)
                    ? withProblem(response)
                    : message;
            boolean endsAnAnswer = outgoing instanceof LastHttpContent
                    && !(outgoing instanceof HttpResponse response
                            && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
            context.write(outgoing, promise);
            if (endsAnAnswer && owed > 0) {
                owed--;
                if (owed == 0 && pending != null) {
                    sendRefusal(context);
                }
            }
        }

        /**
         * Written behind the last answer owed, so the client reads them in order; then the connection closes without
         * losing it to a reset ({@link LingeringClose}).
         */
        private void sendRefusal(ChannelHandlerContext context) {
            var response = pending;
            pending = null;
            if (response == null) {
                return;
            }
            if (context.channel().isActive()) {
                context.writeAndFlush(response).addListener((ChannelFutureListener) LingeringClose::afterAnswer);
            } else {
                response.release();
            }
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            if (pending != null) {
                pending.release();
                pending = null;
            }
        }

        private static FullHttpResponse refusalFor(Throwable failure) {
            var cause = failure.getCause() != null ? failure.getCause() : failure;
            var status = cause instanceof TooLongHttpLineException
                    ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException
                            ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                            : cause instanceof TooLongFrameException
                                    ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                                    : HttpResponseStatus.BAD_REQUEST;
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return withProblem(response);
        }

        /** The same answer with the problem detail for its status as its body. */
        private static FullHttpResponse withProblem(FullHttpResponse response) {
            var status = HttpStatus.valueOf(response.status().code());
            var refusal = Refusal.of(status);
            var body = Problems.body(status, refusal.kind(), refusal.title(), refusal.detail(), null);
            var replacement = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            replacement
                    .headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return replacement;
        }

        /**
         * What Reactor Netty still sends itself for a request it could not take on (an HTTP/2 preface on HTTP/1.1, a
         * request its exchange cannot be built for, a broken chunk in a body): an error, no body, no type, closing.
         */
        private static boolean bareDecodingFailure(FullHttpResponse response) {
            int code = response.status().code();
            return (code == 400 || code == 413 || code == 414 || code == 431)
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }

        /** The problem's type, title and detail for each status an unreadable request is refused with. */
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
