package org.pairbench.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.CharsetUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ClientHandlerTest {
    /** Records callbacks in order as strings. */
    static final class Events implements Http1ResponseListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onResponse(int status, long bodyBytes, boolean keepAlive) {
            seen.add("response " + status + " " + bodyBytes + (keepAlive ? "" : " close"));
        }

        @Override
        public void onBadResponse(Throwable cause) {
            seen.add("bad");
        }

        @Override
        public void onClosed() {
            seen.add("closed");
        }
    }

    private static EmbeddedChannel channel(Events events) {
        return new EmbeddedChannel(new HttpResponseDecoder(), new Http1ClientHandler(events));
    }

    private static void feed(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, CharsetUtil.US_ASCII));
    }

    @Test
    void oneCallbackPerResponseWithItsBodyLength() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, World!\n");
        feed(ch, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        assertThat(events.seen).containsExactly("response 200 14", "response 503 0");
    }

    @Test
    void partialReadsAreReassembled() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "HTTP/1.1 200 OK\r\nConte");
        feed(ch, "nt-Length: 14\r\n\r\nHello");
        assertThat(events.seen).isEmpty();
        feed(ch, ", World!\n");
        assertThat(events.seen).containsExactly("response 200 14");
    }

    @Test
    void chunkedBodiesAreCountedDecoded() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n9\r\n, World!\n\r\n0\r\n\r\n");
        assertThat(events.seen).containsExactly("response 200 14");
    }

    @Test
    void connectionCloseIsReported() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        assertThat(events.seen).containsExactly("response 200 2 close");
    }

    @Test
    void garbageIsABadResponseAndClosesTheConnection() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n\r\n");
        assertThat(events.seen).startsWith("bad");
        assertThat(ch.isOpen()).isFalse();
        assertThat(events.seen).contains("closed");
    }

    @Test
    void aCloseMidBodyIsReportedAsClosedNotAsAResponse() {
        Events events = new Events();
        EmbeddedChannel ch = channel(events);
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello");
        ch.close();
        assertThat(events.seen).doesNotContain("response 200 5").contains("closed");
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsLengthBeforeAnyOfItIsRead() {
        Events events = new Events();
        EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseDecoder(), new Http1ClientHandler(events, 10));
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n");
        assertThat(events.seen).containsExactly("bad", "closed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceItPassesIt() {
        Events events = new Events();
        EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseDecoder(), new Http1ClientHandler(events, 10));
        feed(ch, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n");
        assertThat(events.seen).isEmpty();
        feed(ch, "8\r\n12345678\r\n");
        assertThat(events.seen).containsExactly("bad", "closed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aBodyOfExactlyTheLimitIsAResponse() {
        Events events = new Events();
        EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseDecoder(), new Http1ClientHandler(events, 14));
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, World!\n");
        assertThat(events.seen).containsExactly("response 200 14");
    }
}
