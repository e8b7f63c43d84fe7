package org.pairbench.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void latenciesKeepAboutThreeFiguresAndAFittingUnit() {
        assertThat(Format.latencyMs(0.0123)).isEqualTo("12.3us");
        assertThat(Format.latencyMs(0.5)).isEqualTo("500us");
        assertThat(Format.latencyMs(4.567)).isEqualTo("4.57ms");
        assertThat(Format.latencyMs(999.4)).isEqualTo("999ms");
        assertThat(Format.latencyMs(1234)).isEqualTo("1.23s");
    }

    @Test
    void rates() {
        assertThat(Format.rate(950)).isEqualTo("950");
        assertThat(Format.rate(19543)).isEqualTo("19.5k");
        assertThat(Format.opsRate(0.2)).isEqualTo("0.20");
        assertThat(Format.opsRate(19543)).isEqualTo("19.5k");
    }
}
