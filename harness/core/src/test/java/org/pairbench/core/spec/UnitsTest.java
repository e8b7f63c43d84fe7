package org.pairbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsRoundTrip() {
        assertThat(Units.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Units.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Units.formatDuration(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Units.formatDuration(Duration.ofNanos(250_000))).isEqualTo("250us");
    }

    @Test
    void ratesAndSizes() {
        assertThat(Units.parseRatePerSec("5000/s")).isEqualTo(5000);
        assertThat(Units.parseRatePerSec("300/m")).isEqualTo(5);
        assertThat(Units.formatRate(2000)).isEqualTo("2000/s");
        assertThat(Units.formatRate(12.5)).isEqualTo("12.5/s");
        assertThat(Units.parseSizeBytes("1KiB")).isEqualTo(1024);
        assertThat(Units.parseSizeBytes("64B")).isEqualTo(64);
    }

    @Test
    void bareNumbersAreRefusedWithAnExample() {
        assertThatThrownBy(() -> Units.parseDuration("5")).hasMessageContaining("examples: 500ms, 5s");
        assertThatThrownBy(() -> Units.parseRatePerSec("5000")).hasMessageContaining("examples: 5000/s");
        assertThatThrownBy(() -> Units.parseRatePerSec("0/s")).hasMessageContaining("positive");
    }
}
