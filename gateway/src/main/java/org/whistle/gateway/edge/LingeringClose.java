package org.whistle.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after a refusal without losing the refusal: the answer is sent, then only the gateway's side of
 * the connection is shut ({@code FIN}), and whatever the client is still sending is read and thrown away until it
 * closes its side too, up to {@link RequestSizeFilter#DRAIN_AT_MOST_TEXT} or {@code DRAIN_FOR_AT_MOST}, whichever comes
 * first. Then the connection closes.
 *
 * <p>Closing at once is what loses answers: a socket closed with unread bytes is reset, and a reset makes the client's
 * system throw away the answer it has received but not yet read. A client that writes its whole request before it
 * reads (Java's HTTP client does) is still writing the body of a request whose line the gateway refused after its
 * first 4 KiB, so it always had unread bytes behind it: the fuzzer's request with a 5 KiB path and a 188 KB body got
 * "connection reset" instead of its 414 (issue 17). The same bounds as for a refused body that the gateway could read
 * ({@link RequestSizeFilter}); a client sending more than that, or for longer, is reset as before.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {

    private long discarded;

    private LingeringClose() {}

    /** What to do once the refusal has been written: linger where the channel can be half-closed, else close. */
    static void afterAnswer(ChannelFuture written) {
        var channel = written.channel();
        if (!written.isSuccess() || !(channel instanceof DuplexChannel duplex) || duplex.isInputShutdown()) {
            channel.close();
            return;
        }
        // First in the pipeline: it sees the raw bytes before the decoder, which no longer frames anything.
        channel.pipeline().addFirst("whistleLingeringClose", new LingeringClose());
        var deadline = channel.eventLoop()
                .schedule(
                        () -> {
                            channel.close();
                        },
                        RequestSizeFilter.DRAIN_FOR_AT_MOST.toMillis(),
                        TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
        duplex.shutdownOutput().addListener(shut -> {
            if (!shut.isSuccess()) {
                channel.close();
            }
        });
        channel.config().setAutoRead(true);
        channel.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof ByteBuf bytes) {
            discarded += bytes.readableBytes();
        }
        ReferenceCountUtil.release(message);
        if (discarded > RequestSizeFilter.DRAIN_AT_MOST) {
            context.channel().close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // The client has sent everything and shut its side: nothing unread is left to turn the close into a reset.
            context.channel().close();
            return;
        }
        ReferenceCountUtil.release(event);
    }
}
