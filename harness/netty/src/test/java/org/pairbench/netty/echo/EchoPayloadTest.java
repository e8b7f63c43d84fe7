package org.pairbench.netty.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EchoPayloadTest {

    @Test
    void theBytesAreFixedForeverAndEveryShorterPayloadIsAPrefix() {
        // pinned: every run and every variant must get these exact bytes
        assertThat(new String(EchoPayload.of(32).bytes(), StandardCharsets.US_ASCII))
                .isEqualTo("v0Psbqh8DmJ27vZrVGksXNqMp7AQWyPl");
        byte[] large = EchoPayload.of(65536).bytes();
        assertThat(Arrays.copyOf(large, 1024)).isEqualTo(EchoPayload.of(1024).bytes());
    }

    @Test
    void isPrintableAsciiSoATextFrameMayCarryIt() {
        for (byte b : EchoPayload.of(65536).bytes()) {
            assertThat(EchoPayload.ALPHABET).contains(b);
        }
    }

    @Test
    void isNotPeriodicSoAReorderedEchoDiffers() {
        byte[] b = EchoPayload.of(4096).bytes();
        for (int period = 1; period <= 256; period++) {
            assertThat(Arrays.equals(b, period, 4096, b, 0, 4096 - period)).as("period %d", period).isFalse();
        }
    }

    @Test
    void matchesComparesAtAnOffsetAndNeverPastTheEnd() {
        EchoPayload p = EchoPayload.of(64);
        byte[] bytes = p.bytes();
        ByteBuf middle = Unpooled.wrappedBuffer(bytes, 10, 20);
        assertThat(p.matches(10, middle)).isTrue();
        assertThat(p.matches(11, middle)).isFalse();
        assertThat(middle.readerIndex()).isZero();
        assertThat(p.matches(60, Unpooled.wrappedBuffer(bytes, 60, 4))).isTrue();
        assertThat(p.matches(61, Unpooled.wrappedBuffer(bytes, 60, 4))).isFalse();
        bytes[25] ^= 1;
        assertThat(p.matches(10, Unpooled.wrappedBuffer(bytes, 10, 20))).isFalse();
    }

    @Test
    void anEmptyPayloadIsRefused() {
        assertThatThrownBy(() -> EchoPayload.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
