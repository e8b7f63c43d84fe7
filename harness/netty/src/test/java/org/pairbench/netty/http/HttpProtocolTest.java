package org.pairbench.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.CharsetUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.load.ExchangeListener;

class HttpProtocolTest {
    private final List<String> seen = new ArrayList<>();
    private final ExchangeListener listener = new ExchangeListener() {
        @Override
        public void onReady() {
            seen.add("ready");
        }

        @Override
        public void onAnswer(Outcome outcome, boolean keepOpen) {
            seen.add(outcome + (keepOpen ? "" : " close"));
        }

        @Override
        public void onClosed() {
            seen.add("closed");
        }
    };

    private EmbeddedChannel channel(HttpProtocol protocol) {
        EmbeddedChannel ch = new EmbeddedChannel();
        protocol.initChannel(ch, listener);
        return ch;
    }

    private static void feed(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, CharsetUtil.US_ASCII));
    }

    @Test
    void judgesStatusAndTheVerifiedBodyLength() {
        HttpProtocol protocol = new HttpProtocol(new RequestSpec("r", "GET", "/", Map.of()),
                new InetSocketAddress("127.0.0.1", 8080), 14);
        EmbeddedChannel ch = channel(protocol);
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, World!\n");
        feed(ch, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello");
        feed(ch, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(seen).containsExactly("OK", "BAD_RESPONSE", "NON_2XX close");
        protocol.release();
    }

    @Test
    void sendsThePreEncodedRequest() {
        HttpProtocol protocol = new HttpProtocol(new RequestSpec("r", "GET", "/json", Map.of()),
                new InetSocketAddress("127.0.0.1", 8080), -1);
        EmbeddedChannel ch = channel(protocol);
        protocol.send(ch);
        protocol.send(ch);
        ByteBuf first = ch.readOutbound();
        assertThat(first.toString(CharsetUtil.US_ASCII)).isEqualTo("GET /json HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
        first.release();
        ((ByteBuf) ch.readOutbound()).release();
        protocol.release();
    }

    @Test
    void anUndecodableAnswerIsABadResponseAndTheConnectionCloses() {
        HttpProtocol protocol = new HttpProtocol(new RequestSpec("r", "GET", "/", Map.of()),
                new InetSocketAddress("127.0.0.1", 8080), -1);
        EmbeddedChannel ch = channel(protocol);
        feed(ch, "SSH-2.0-OpenSSH\r\n\r\n");
        assertThat(seen).containsExactly("BAD_RESPONSE close", "closed");
        protocol.release();
    }
}
