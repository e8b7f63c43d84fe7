package org.pairbench.netty.probe;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.CompletableFuture;

/**
 * The last handler of a parity probe's pipeline: completes the probe's one answer from the messages it reads
 * (subclasses), fails it when the connection closes before an answer or on an error, and closes the connection on
 * an error.
 *
 * <p>Threading: the connection's event loop; the answer is awaited on the probing thread.
 *
 * @param <I> the message type read
 * @param <T> the answer
 */
public abstract class ProbeHandler<I, T> extends SimpleChannelInboundHandler<I> {
    protected final CompletableFuture<T> answer;
    private final String closedEarly;

    /**
     * @param type        messages of this type are read; others pass on
     * @param closedEarly the failure when the connection closes with no answer
     */
    protected ProbeHandler(Class<? extends I> type, CompletableFuture<T> answer, String closedEarly) {
        super(type);
        this.answer = answer;
        this.closedEarly = closedEarly;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // no effect when the answer already came
        answer.completeExceptionally(new IllegalStateException(closedEarly));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        answer.completeExceptionally(cause);
        ctx.close();
    }
}
