package org.pairbench.netty.ws;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.netty.load.LoadProtocol;
import org.pairbench.netty.load.LoadTarget;

/**
 * WebSocket echo load: where to connect, the frame each exchange sends, whether permessage-deflate is offered,
 * and the timeout (of one exchange, and of the opening handshake). Immutable.
 *
 * @param address   target address; refused unless loopback
 * @param path      the endpoint, starting with {@code /}: the handshake asks for {@code ws://<address><path>}
 * @param sizeBytes payload bytes of each frame, and of the echo that completes it
 * @param text      text frames (true) or binary frames (false); the echo must be of the same type
 * @param deflate   whether the client offers permessage-deflate (used only if the server accepts it)
 * @param timeout   an echo not complete this long after its send is recorded at this value and counted; a
 *                  handshake unanswered this long closes the connection
 */
public record WebSocketTarget(InetSocketAddress address, String path, int sizeBytes, boolean text, boolean deflate,
                              Duration timeout) implements LoadTarget {
    /** Frames larger than the payload by more than this are refused (room for deflate's worst case). */
    private static final int FRAME_SLACK_BYTES = 1024;

    public WebSocketTarget {
        address = LoopbackGuard.requireLoopback(address);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket path starts with '/': " + path);
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("a WebSocket echo frame needs at least one byte: " + sizeBytes);
        }
    }

    /** {@code ws://127.0.0.1:<port><path>} (IPv6 addresses in brackets). */
    public URI uri() {
        return URI.create("ws://" + NetUtil.toSocketAddressString(address) + path);
    }

    /**
     * The largest frame payload the client accepts: the echo may come as one frame, possibly deflated, which
     * for a message that does not compress can be slightly larger than the message.
     */
    public int maxFramePayloadBytes() {
        return Math.max(64 * 1024, sizeBytes + FRAME_SLACK_BYTES);
    }

    @Override
    public LoadProtocol newProtocol() {
        return new WebSocketEchoProtocol(this);
    }
}
