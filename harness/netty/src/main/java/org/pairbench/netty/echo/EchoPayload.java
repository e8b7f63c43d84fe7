package org.pairbench.netty.echo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The bytes an echo exchange sends (TCP message or WebSocket frame payload), the same for every variant and every
 * run: byte {@code i} is {@code ALPHABET[splitmix64(i) & 63]}, an ASCII character of the base64url alphabet. So a
 * payload is valid UTF-8 (a text frame may carry it), the payload of {@code n} bytes is a prefix of any longer
 * one, and it is not periodic: an echo whose chunks come back reordered or repeated differs from it, which a
 * short repeating pattern would hide. It compresses like text (about 6 bits a byte), so permessage-deflate does
 * real work on it.
 *
 * <p>Immutable and safe to share between event loops: comparisons read a heap view by absolute index and never
 * move its indices, and that view is never released, so a handler may still compare a late echo after its
 * protocol has freed its send buffer.
 */
public final class EchoPayload {
    static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    /** Read-only view for comparisons; unreleasable because handlers may outlive the protocol that made them. */
    private final ByteBuf view;

    private EchoPayload(byte[] bytes) {
        this.bytes = bytes;
        this.view = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
    }

    /** The payload of {@code sizeBytes} bytes (at least 1). */
    public static EchoPayload of(int sizeBytes) {
        return of(sizeBytes, 0);
    }

    /**
     * The payload of {@code sizeBytes} bytes drawn with {@code seed}: seed 0 is {@link #of(int)}; another seed
     * gives bytes of the same kind that share no run with it (byte {@code i} hashes {@code i + seed * 2^40}).
     */
    public static EchoPayload of(int sizeBytes, int seed) {
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("an echo message needs at least one byte: " + sizeBytes);
        }
        long base = (long) seed << 40;
        byte[] b = new byte[sizeBytes];
        for (int i = 0; i < sizeBytes; i++) {
            b[i] = ALPHABET[(int) (splitmix64(base + i) & 63)];
        }
        return new EchoPayload(b);
    }

    public int size() {
        return bytes.length;
    }

    /** A copy of the payload bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * A direct buffer holding the payload, owned by the caller: send {@code retainedDuplicate()} each time and
     * {@code release()} it once no more sends will follow (direct, so the socket write copies nothing).
     */
    public ByteBuf newSendBuffer() {
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    /**
     * Whether the readable bytes of {@code in} are the payload's bytes from {@code offset} on, without going past
     * its end. Allocates nothing; does not move {@code in}'s indices.
     */
    public boolean matches(int offset, ByteBuf in) {
        int n = in.readableBytes();
        return offset >= 0 && n <= bytes.length - offset
                && ByteBufUtil.equals(view, offset, in, in.readerIndex(), n);
    }

    /** Steele, Lea and Flood's SplitMix64 finalizer of {@code i}: a fixed, portable hash, so the bytes never change. */
    static long splitmix64(long i) {
        long z = (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
