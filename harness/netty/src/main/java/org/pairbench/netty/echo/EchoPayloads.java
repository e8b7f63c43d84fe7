package org.pairbench.netty.echo;

import java.util.ArrayList;
import java.util.List;

/**
 * The payloads the messages of one connection carry, in turn: message {@code j} carries payload {@code j mod n}.
 * One payload for plain echo. With permessage-deflate and context takeover, a compressor keeps its last 32 KiB
 * (the largest deflate window) and turns a message it has just seen into a back-reference, so one repeated
 * payload would measure a copy, not compression: then {@code n} seeded payloads ({@link EchoPayload#of(int, int)})
 * whose cycle spans at least twice that window, so each message is new to the compressor. Each compresses like
 * fresh text over a 64-character alphabet: to about 6 bits a byte (75% of its size), the same for every message.
 *
 * <p>Immutable and safe to share between event loops.
 */
public final class EchoPayloads {
    /** Twice deflate's largest window: a payload recurs only after the compressor has forgotten it. */
    static final int CYCLE_BYTES = 2 * 32 * 1024;
    static final int MAX_PAYLOADS = 256;

    private final List<EchoPayload> payloads;

    private EchoPayloads(List<EchoPayload> payloads) {
        this.payloads = List.copyOf(payloads);
    }

    /** One payload of {@code sizeBytes}, every message the same. */
    public static EchoPayloads single(int sizeBytes) {
        return new EchoPayloads(List.of(EchoPayload.of(sizeBytes)));
    }

    /** Payloads that differ per message, enough that one recurs only past deflate's window (seeds 0..n-1). */
    public static EchoPayloads distinct(int sizeBytes) {
        int n = Math.min(MAX_PAYLOADS, Math.max(2, (CYCLE_BYTES + sizeBytes - 1) / sizeBytes));
        List<EchoPayload> out = new ArrayList<>();
        for (int seed = 0; seed < n; seed++) {
            out.add(EchoPayload.of(sizeBytes, seed));
        }
        return new EchoPayloads(out);
    }

    public int count() {
        return payloads.size();
    }

    /** The payload of message {@code j}. */
    public EchoPayload forMessage(long j) {
        return payloads.get((int) Math.floorMod(j, (long) payloads.size()));
    }
}
