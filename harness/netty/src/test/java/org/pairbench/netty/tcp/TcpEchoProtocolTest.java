package org.pairbench.netty.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pairbench.netty.echo.EchoPayload;

/** The TCP echo protocol's handler on an embedded channel: framing across reads, and every way an echo is wrong. */
class TcpEchoProtocolTest {
    private final RecordingListener listener = new RecordingListener();
    private TcpEchoProtocol protocol;
    private EmbeddedChannel channel;

    @AfterEach
    void release() {
        protocol.release();
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(int size) {
        protocol = new TcpEchoProtocol(size);
        EmbeddedChannel ch = new EmbeddedChannel();
        channel = ch;
        protocol.initChannel(ch, listener);
        return ch;
    }

    /** Sends one message and returns its bytes as they went out. */
    private byte[] send(EmbeddedChannel ch) {
        protocol.send(ch);
        ByteBuf out = ch.readOutbound();
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static void feed(EmbeddedChannel ch, byte[] bytes, int from, int to) {
        ch.writeInbound(Unpooled.copiedBuffer(bytes, from, to - from));
    }

    @Test
    void sendsThePayloadEveryTime() {
        EmbeddedChannel ch = channel(1024);
        assertThat(send(ch)).isEqualTo(EchoPayload.of(1024).bytes());
        feed(ch, EchoPayload.of(1024).bytes(), 0, 1024);
        assertThat(send(ch)).isEqualTo(EchoPayload.of(1024).bytes());
    }

    @Test
    void anEchoInOneByteReadsCompletesOnlyWithItsLastByte() {
        EmbeddedChannel ch = channel(64);
        byte[] sent = send(ch);
        for (int i = 0; i < 63; i++) {
            feed(ch, sent, i, i + 1);
        }
        assertThat(listener.seen).isEmpty();
        feed(ch, sent, 63, 64);
        assertThat(listener.seen).containsExactly("OK");
    }

    @Test
    void anEchoInOddSizedReadsCompletesAndTheNextExchangeStartsAfresh() {
        EmbeddedChannel ch = channel(65536);
        for (int exchange = 0; exchange < 2; exchange++) {
            byte[] sent = send(ch);
            int at = 0;
            for (int chunk = 7; at < sent.length; chunk = chunk * 3 % 9973 + 1) {
                int end = Math.min(sent.length, at + chunk);
                feed(ch, sent, at, end);
                at = end;
            }
        }
        assertThat(listener.seen).containsExactly("OK", "OK");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aDifferingByteIsABadResponseAndClosesTheConnection() {
        EmbeddedChannel ch = channel(64);
        byte[] echo = send(ch);
        echo[40] ^= 0x20;
        feed(ch, echo, 0, 32);
        assertThat(listener.seen).isEmpty();
        feed(ch, echo, 32, 64);
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void moreBytesThanWereSentIsABadResponse() {
        EmbeddedChannel ch = channel(64);
        byte[] sent = send(ch);
        byte[] longer = java.util.Arrays.copyOf(sent, 65);
        longer[64] = sent[0];
        feed(ch, longer, 0, 65);
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void bytesWithNothingInFlightAreABadResponse() {
        EmbeddedChannel ch = channel(64);
        feed(ch, EchoPayload.of(64).bytes(), 0, 64);
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void aShortEchoFollowedByACloseIsNeverASuccess() {
        EmbeddedChannel ch = channel(1024);
        byte[] sent = send(ch);
        feed(ch, sent, 0, 1000);
        ch.close();
        assertThat(listener.seen).containsExactly("closed");
    }

    @Test
    void aLateEchoAfterTheProtocolWasReleasedIsStillJudged() {
        EmbeddedChannel ch = channel(64);
        byte[] sent = send(ch);
        protocol.release();
        feed(ch, sent, 0, 64);
        assertThat(listener.seen).containsExactly("OK");
    }
}
