package org.pairbench.netty.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pairbench.netty.ws.WebSocketWire.BINARY;
import static org.pairbench.netty.ws.WebSocketWire.CLOSE;
import static org.pairbench.netty.ws.WebSocketWire.CONTINUATION;
import static org.pairbench.netty.ws.WebSocketWire.PING;
import static org.pairbench.netty.ws.WebSocketWire.PONG;
import static org.pairbench.netty.ws.WebSocketWire.TEXT;
import static org.pairbench.netty.ws.WebSocketWire.feed;
import static org.pairbench.netty.ws.WebSocketWire.frame;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.tcp.RecordingListener;

/**
 * The WebSocket echo protocol's whole client pipeline on an embedded channel, against server bytes written by
 * hand: the handshake, masking, fragmented echoes, partial reads, and every way an echo is wrong.
 */
class WebSocketEchoProtocolTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 8765);
    private final RecordingListener listener = new RecordingListener();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private WebSocketEchoProtocol protocol;

    @AfterEach
    void release() {
        protocol.release();
        // frees what a test left unread, e.g. the close frame the decoder sends on a protocol violation
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private EmbeddedChannel channel(int size, boolean text, boolean deflate) {
        protocol = new WebSocketEchoProtocol(new WebSocketTarget(ADDRESS, "/ws", size, text, deflate,
                Duration.ofSeconds(2)));
        EmbeddedChannel ch = new EmbeddedChannel();
        channels.add(ch);
        protocol.initChannel(ch, listener);
        return ch;
    }

    private EmbeddedChannel ready(int size, boolean text) throws Exception {
        EmbeddedChannel ch = channel(size, text, false);
        WebSocketWire.accept(ch, "");
        assertThat(listener.seen).containsExactly("ready");
        listener.seen.clear();
        return ch;
    }

    private WebSocketWire.ClientFrame send(EmbeddedChannel ch) {
        protocol.send(ch);
        return WebSocketWire.readFrame(ch);
    }

    @Test
    void theHandshakeAsksForTheEndpointAndReportsReadyOnlyOnAValid101() throws Exception {
        EmbeddedChannel ch = channel(64, true, false);
        assertThat(protocol.needsHandshake()).isTrue();
        assertThat(listener.seen).isEmpty();
        String request = WebSocketWire.accept(ch, "");
        assertThat(request).startsWith("GET /ws HTTP/1.1\r\n").containsIgnoringCase("upgrade: websocket")
                .containsIgnoringCase("sec-websocket-version: 13").containsIgnoringCase("host: 127.0.0.1:8765")
                .doesNotContainIgnoringCase("sec-websocket-extensions");
        assertThat(listener.seen).containsExactly("ready");
    }

    @Test
    void aRefusedHandshakeIsNeverReadyAndClosesTheConnection() {
        EmbeddedChannel ch = channel(64, true, false);
        WebSocketWire.readRequest(ch);
        WebSocketWire.answer(ch, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertThat(listener.seen).containsExactly("closed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void a101WithTheWrongAcceptKeyIsNeverReady() {
        EmbeddedChannel ch = channel(64, true, false);
        WebSocketWire.readRequest(ch);
        WebSocketWire.answer(ch, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: bm90IHRoZSByaWdodCBrZXk=\r\n\r\n");
        assertThat(listener.seen).containsExactly("closed");
    }

    @Test
    void anUnansweredHandshakeTimesOutAndCloses() {
        EmbeddedChannel ch = channel(64, true, false);
        WebSocketWire.readRequest(ch);
        ch.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(listener.seen).containsExactly("closed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void everyClientFrameIsMaskedAndCarriesThePayload() throws Exception {
        EmbeddedChannel ch = ready(1024, true);
        WebSocketWire.ClientFrame text = send(ch);
        assertThat(text.masked()).isTrue();
        assertThat(text.firstByte()).isEqualTo(0x80 | TEXT);
        assertThat(text.payload()).isEqualTo(EchoPayload.of(1024).bytes());

        protocol.release();
        EmbeddedChannel binCh = ready(65536, false);
        WebSocketWire.ClientFrame binary = send(binCh);
        assertThat(binary.masked()).isTrue();
        assertThat(binary.firstByte()).isEqualTo(0x80 | BINARY);
        assertThat(binary.payload()).isEqualTo(EchoPayload.of(65536).bytes());
    }

    @Test
    void anEchoFedOneByteAtATimeCompletesOnlyWhenTheFrameDoes() throws Exception {
        EmbeddedChannel ch = ready(200, false);
        byte[] wire = frame(true, false, BINARY, send(ch).payload());
        for (int i = 0; i < wire.length - 1; i++) {
            feed(ch, Arrays.copyOfRange(wire, i, i + 1));
        }
        assertThat(listener.seen).isEmpty();
        feed(ch, Arrays.copyOfRange(wire, wire.length - 1, wire.length));
        assertThat(listener.seen).containsExactly("OK");
    }

    @Test
    void continuationFramesAreReassembledAcrossOddSizedReads() throws Exception {
        EmbeddedChannel ch = ready(1024, true);
        for (int exchange = 0; exchange < 2; exchange++) {
            byte[] p = send(ch).payload();
            byte[] wire = concat(frame(false, false, TEXT, Arrays.copyOfRange(p, 0, 100)),
                    frame(false, false, CONTINUATION, Arrays.copyOfRange(p, 100, 101)),
                    frame(true, false, PING, new byte[] {1, 2}),
                    frame(true, false, CONTINUATION, Arrays.copyOfRange(p, 101, 1024)));
            for (int at = 0, chunk = 3; at < wire.length; at += chunk, chunk += 17) {
                feed(ch, Arrays.copyOfRange(wire, at, Math.min(wire.length, at + chunk)));
            }
            WebSocketWire.ClientFrame pong = WebSocketWire.readFrame(ch);
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.masked()).isTrue();
            assertThat(pong.payload()).containsExactly(1, 2);
        }
        assertThat(listener.seen).containsExactly("OK", "OK");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aDifferingPayloadIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, true);
        byte[] p = send(ch).payload();
        p[63] ^= 1;
        feed(ch, frame(true, false, TEXT, p));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void aShortOrLongEchoIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, true);
        feed(ch, frame(true, false, TEXT, Arrays.copyOf(send(ch).payload(), 63)));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");

        protocol.release();
        listener.seen.clear();
        EmbeddedChannel longer = ready(64, true);
        byte[] p = send(longer).payload();
        feed(longer, concat(frame(false, false, TEXT, p), frame(true, false, CONTINUATION, new byte[] {p[0]})));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void anEchoOfTheOtherTypeIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, true);
        feed(ch, frame(true, false, BINARY, send(ch).payload()));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void aCloseFrameInsteadOfTheEchoIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, false);
        send(ch);
        feed(ch, frame(true, false, CLOSE, new byte[] {0x03, (byte) 0xf3}));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void aCloseFrameOnAnIdleConnectionOnlyClosesIt() throws Exception {
        EmbeddedChannel ch = ready(64, false);
        feed(ch, frame(true, false, CLOSE, new byte[] {0x03, (byte) 0xe9}));
        assertThat(listener.seen).containsExactly("closed");
    }

    @Test
    void aDataFrameWithNothingInFlightIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, false);
        feed(ch, frame(true, false, BINARY, EchoPayload.of(64).bytes()));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void aMaskedOrUnexpectedlyCompressedServerFrameIsABadResponse() throws Exception {
        EmbeddedChannel ch = ready(64, false);
        byte[] wire = frame(true, false, BINARY, send(ch).payload());
        wire[1] |= (byte) 0x80;
        feed(ch, concat(Arrays.copyOf(wire, 2), new byte[4], Arrays.copyOfRange(wire, 2, wire.length)));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");

        protocol.release();
        listener.seen.clear();
        EmbeddedChannel noDeflate = ready(64, false);
        feed(noDeflate, frame(true, true, BINARY, WebSocketWire.deflate(send(noDeflate).payload())));
        assertThat(listener.seen).containsExactly("BAD_RESPONSE close", "closed");
    }

    @Test
    void withDeflateAgreedFramesGoOutCompressedAndCompressedEchoesAreInflated() throws Exception {
        EmbeddedChannel ch = channel(65536, true, true);
        String request = WebSocketWire.accept(ch, "Sec-WebSocket-Extensions: permessage-deflate\r\n");
        assertThat(request).containsIgnoringCase("sec-websocket-extensions: permessage-deflate");
        WebSocketWire.ClientFrame sent = send(ch);
        assertThat(sent.masked()).isTrue();
        assertThat(sent.rsv1()).isTrue();
        assertThat(sent.payload().length).isLessThan(65536);
        byte[] payload = WebSocketWire.inflate(sent.payload(), 65536);
        assertThat(payload).isEqualTo(EchoPayload.of(65536).bytes());
        feed(ch, frame(true, true, TEXT, WebSocketWire.deflate(payload)));
        assertThat(listener.seen).containsExactly("ready", "OK");
    }

    @Test
    void withDeflateOfferedButDeclinedFramesGoOutPlain() throws Exception {
        EmbeddedChannel ch = channel(64, false, true);
        WebSocketWire.accept(ch, "");
        WebSocketWire.ClientFrame sent = send(ch);
        assertThat(sent.rsv1()).isFalse();
        assertThat(sent.payload()).isEqualTo(EchoPayload.of(64).bytes());
        feed(ch, frame(true, false, BINARY, sent.payload()));
        assertThat(listener.seen).containsExactly("ready", "OK");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
