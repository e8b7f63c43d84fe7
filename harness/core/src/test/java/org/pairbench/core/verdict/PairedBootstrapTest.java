package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The paired bootstrap on constructed data: deterministic for a seed, and its interval covers the truth. */
class PairedBootstrapTest {
    @Test
    void theSameInputsAndSeedGiveTheSameInterval() {
        double[] a = {100, 104, 98, 101, 99};
        double[] b = {150, 149, 160, 151, 148};
        var one = PairedBootstrap.ratio(b, a, PairedBootstrap.Statistic.MEAN, PairedBootstrap.seed("C3/x"));
        var two = PairedBootstrap.ratio(b, a, PairedBootstrap.Statistic.MEAN, PairedBootstrap.seed("C3/x"));
        assertThat(two).isEqualTo(one);
        assertThat(one.ratio()).isCloseTo(758.0 / 502.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(one.ciLow()).isLessThan(one.ratio()).isGreaterThan(1.4);
        assertThat(one.ciHigh()).isGreaterThan(one.ratio()).isLessThan(1.6);
        assertThat(one.pairs()).isEqualTo(5);
    }

    @Test
    void identicalArmsGiveAnIntervalOfExactlyOne() {
        double[] a = {10, 20, 30};
        var e = PairedBootstrap.ratio(a.clone(), a, PairedBootstrap.Statistic.MEAN, 1);
        assertThat(e.ratio()).isEqualTo(1.0);
        assertThat(e.ciLow()).isEqualTo(1.0);
        assertThat(e.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void pairingRemovesDriftSharedByBothArms() {
        // the machine slows down trial after trial; B is always 2x A within a trial
        double[] a = {100, 80, 60, 40, 20};
        double[] b = {200, 160, 120, 80, 40};
        var e = PairedBootstrap.ratio(b, a, PairedBootstrap.Statistic.MEAN, 7);
        assertThat(e.ciLow()).isEqualTo(2.0);
        assertThat(e.ciHigh()).isEqualTo(2.0);
    }

    /**
     * Coverage: over many simulated series of 10 pairs with a true ratio of 1.5 (B = 1.5 A x noise of 10%), the
     * 95% interval holds the truth in most series. A percentile bootstrap on 10 pairs undercovers somewhat, so
     * the bound is loose (80%); a broken interval (too narrow, or off-centre) fails it by far.
     */
    @Test
    void theIntervalCoversTheTrueRatioMostOfTheTime() {
        SplittableRandom random = new SplittableRandom(42);
        int series = 200;
        int covered = 0;
        for (int s = 0; s < series; s++) {
            double[] a = new double[10];
            double[] b = new double[10];
            for (int i = 0; i < a.length; i++) {
                double level = 1000 * (1 + 0.3 * random.nextDouble()); // shared by the pair
                a[i] = level * (1 + 0.1 * random.nextGaussian());
                b[i] = 1.5 * level * (1 + 0.1 * random.nextGaussian());
            }
            var e = PairedBootstrap.ratio(b, a, PairedBootstrap.Statistic.MEAN, s);
            if (e.ciLow() <= 1.5 && 1.5 <= e.ciHigh()) {
                covered++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo(series * 80 / 100).isLessThan(series);
    }

    @Test
    void theCvStatisticComparesSpreads() {
        double[] steady = {100, 101, 99, 100};
        double[] jumpy = {100, 150, 60, 120};
        var e = PairedBootstrap.ratio(jumpy, steady, PairedBootstrap.Statistic.CV, 3);
        assertThat(e.ratio()).isGreaterThan(20);
    }
}
