package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileScaleTest {
    @Test
    void wholeDecadesAreLabelledWithTheirNines() {
        assertThat(PercentileScale.label(1)).isEqualTo("0%");
        assertThat(PercentileScale.label(10)).isEqualTo("90%");
        assertThat(PercentileScale.label(100)).isEqualTo("99%");
        assertThat(PercentileScale.label(1000)).isEqualTo("99.9%");
        assertThat(PercentileScale.label(1e4)).isEqualTo("99.99%");
        assertThat(PercentileScale.label(1e5)).isEqualTo("99.999%");
        assertThat(PercentileScale.label(5)).isEmpty();
    }

    @Test
    void xIsOneOverOneMinusPCappedAtTheCount() {
        assertThat(PercentileScale.x(0, 1000)).isEqualTo(1.0);
        assertThat(PercentileScale.x(90, 1000)).isCloseTo(10.0, within(1e-9));
        assertThat(PercentileScale.x(99.9, 1000)).isCloseTo(1000.0, within(1e-6));
        assertThat(PercentileScale.x(99.99, 1000)).isEqualTo(1000.0);
        assertThat(PercentileScale.x(100, 1000)).isEqualTo(1000.0);
    }
}
