package org.pairbench.netty.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EchoPayloadsTest {
    @Test
    void seedZeroIsThePlainPayloadAndOtherSeedsDiffer() {
        assertThat(EchoPayload.of(1024, 0).bytes()).isEqualTo(EchoPayload.of(1024).bytes());
        assertThat(EchoPayload.of(1024, 1).bytes()).isNotEqualTo(EchoPayload.of(1024).bytes());
        assertThat(EchoPayload.of(1024, 7).bytes()).isEqualTo(EchoPayload.of(1024, 7).bytes());
    }

    @Test
    void distinctPayloadsRecurOnlyPastTwiceDeflatesWindow() {
        EchoPayloads p = EchoPayloads.distinct(1024);
        assertThat(p.count()).isEqualTo(64);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < p.count(); j++) {
            seen.add(new String(p.forMessage(j).bytes(), java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThat(seen).hasSize(64);
        assertThat(p.forMessage(64).bytes()).isEqualTo(p.forMessage(0).bytes());
        assertThat(EchoPayloads.distinct(65536).count()).isEqualTo(2);
        assertThat(EchoPayloads.distinct(16).count()).isEqualTo(EchoPayloads.MAX_PAYLOADS);
        assertThat(EchoPayloads.single(1024).count()).isEqualTo(1);
    }
}
