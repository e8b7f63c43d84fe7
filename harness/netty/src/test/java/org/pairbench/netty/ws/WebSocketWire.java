package org.pairbench.netty.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The server's side of an embedded WebSocket connection, written out by hand from RFC 6455 (and RFC 7692 for
 * deflate) rather than with Netty's own codecs, so the client is checked against the specification.
 */
final class WebSocketWire {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private WebSocketWire() {
    }

    /** Everything the client wrote so far, as text (the handshake request). */
    static String readRequest(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            sb.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return sb.toString();
    }

    /** Reads the client's handshake and answers it with a valid 101 carrying {@code extraHeaders}. */
    static String accept(EmbeddedChannel ch, String extraHeaders) throws Exception {
        String request = readRequest(ch);
        Matcher key = Pattern.compile("(?i)sec-websocket-key: (\\S+)").matcher(request);
        if (!key.find()) {
            throw new AssertionError("no Sec-WebSocket-Key in " + request);
        }
        answer(ch, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptValue(key.group(1)) + "\r\n" + extraHeaders + "\r\n");
        ch.runPendingTasks();
        return request;
    }

    static void answer(EmbeddedChannel ch, String http) {
        ch.writeInbound(Unpooled.copiedBuffer(http, StandardCharsets.US_ASCII));
    }

    static String acceptValue(String key) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    /** An unmasked server frame. */
    static byte[] frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xff);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift) & 0xff);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static void feed(EmbeddedChannel ch, byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    /** A frame the client wrote: its first byte, whether it was masked, and the unmasked payload. */
    record ClientFrame(int firstByte, boolean masked, byte[] payload) {
        int opcode() {
            return firstByte & 0x0f;
        }

        boolean rsv1() {
            return (firstByte & 0x40) != 0;
        }
    }

    /** Decodes the next frame the client wrote (one outbound buffer each, as Netty's encoder writes them). */
    static ClientFrame readFrame(EmbeddedChannel ch) {
        ByteBuf b = ch.readOutbound();
        try {
            int first = b.readUnsignedByte();
            int second = b.readUnsignedByte();
            long n = second & 0x7f;
            if (n == 126) {
                n = b.readUnsignedShort();
            } else if (n == 127) {
                n = b.readLong();
            }
            boolean masked = (second & 0x80) != 0;
            byte[] mask = new byte[4];
            if (masked) {
                b.readBytes(mask);
            }
            byte[] payload = new byte[(int) n];
            b.readBytes(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            return new ClientFrame(first, masked, payload);
        } finally {
            b.release();
        }
    }

    /** permessage-deflate of one message: raw deflate, sync-flushed, without the 00 00 ff ff tail (RFC 7692 7.2.1). */
    static byte[] deflate(byte[] message) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(message);
        byte[] buf = new byte[message.length + 64];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        d.end();
        return Arrays.copyOf(buf, n - DEFLATE_TAIL.length);
    }

    static byte[] inflate(byte[] compressed, int size) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        byte[] in = Arrays.copyOf(compressed, compressed.length + DEFLATE_TAIL.length);
        System.arraycopy(DEFLATE_TAIL, 0, in, compressed.length, DEFLATE_TAIL.length);
        inflater.setInput(in);
        byte[] out = new byte[size];
        int n = inflater.inflate(out);
        inflater.end();
        return Arrays.copyOf(out, n);
    }
}
