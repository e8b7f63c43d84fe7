package org.pairbench.core.interference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.Interference;

/** The /proc/stat arithmetic on fixed texts: counts of ticks, never timing. USER_HZ 100 (a tick is 10 ms). */
class InterferenceArithmeticTest {
    private static final long HZ = 100;
    private static final long TEN_SECONDS_NS = 10_000_000_000L;

    //                                user  nice system idle  iowait irq softirq steal guest guest_nice
    private static final String START = """
            cpu  3000 100 500 6000 10 0 5 50 0 0
            cpu0 1000 0 200 5000 10 0 5 0 0 0
            cpu1 2000 100 300 1000 0 0 0 50 0 0
            intr 12345 0 0
            ctxt 999
            """;
    private static final String END = """
            cpu  4000 200 660 6700 20 10 25 60 0 0
            cpu0 1300 0 260 5620 20 0 15 0 0 0
            cpu1 2700 200 400 1070 0 10 10 60 40 0
            intr 12399 0 0
            """;

    @Test
    void parsesEachCpuLineAndSkipsTheAggregate() {
        Map<Integer, CpuJiffies> cpus = CpuJiffies.parse(START + "cpu10 1 2 3 4 5 6 7 8 9 10\n");
        assertThat(cpus).containsOnlyKeys(0, 1, 10);
        // idle: idle + iowait (busy time is derived from it and the window, not read); steal apart
        assertThat(cpus.get(10)).isEqualTo(new CpuJiffies(10, 4 + 5, 8));
        assertThat(cpus.get(1)).isEqualTo(new CpuJiffies(1, 1000, 50));
    }

    @Test
    void anOldKernelWithoutStealCountsNone() {
        assertThat(CpuJiffies.parse("cpu0 10 0 5 100\n").get(0)).isEqualTo(new CpuJiffies(0, 100, 0));
    }

    @Test
    void aDamagedLineIsNamedByItsLineNumber() {
        assertThatThrownBy(() -> CpuJiffies.parse("cpu 1 2 3 4\ncpu0 1 x 3 4\n"))
                .hasMessageStartingWith("/proc/stat:2: cpu0: not a list of counters");
    }

    @Test
    void eachSideIsItsBusyTimeMinusTheProcessesPinnedToIt() {
        // busy is the window (1000 ticks a CPU) minus idle, iowait and steal:
        // cpu0: 1000 - (620 + 10) - 0 = 370 ticks = 3700 ms; the harness spent 3500 ms of it
        // cpu1: 1000 - 70 - 10 = 920 ticks = 9200 ms; the target spent 8000 ms of it
        Interference i = InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(END), List.of(0),
                List.of(1), 3_500_000_000L, 8_000_000_000L, TEN_SECONDS_NS, HZ);
        assertThat(i.generatorCpus()).isEqualTo("0");
        assertThat(i.targetCpus()).isEqualTo("1");
        assertThat(i.windowMs()).isEqualTo(10_000.0);
        assertThat(i.generatorCpusBusyMs()).isEqualTo(3700.0);
        assertThat(i.generatorCpusOtherMs()).isEqualTo(200.0);
        assertThat(i.targetCpusBusyMs()).isEqualTo(9200.0);
        assertThat(i.targetCpusOtherMs()).isEqualTo(1200.0);
        assertThat(i.stealMs()).isEqualTo(100.0);
        // idle, iowait and steal of one CPU, plus utime and stime of one target process
        assertThat(i.resolutionMs()).isEqualTo(50.0);
        // 1200 ms is 12% of the target CPU's 10 s
        assertThat(i.disturbed()).isTrue();
        assertThat(i.disturbedReason()).isEqualTo("other work on the target's CPUs 12.0% of their time (bound 5%)");
        assertThat(i.firstAttempt()).isNull();
    }

    @Test
    void otherWorkWithinTheResolutionOfTheBoundDoesNotDisturb() {
        // target CPU other: 9200 - 8660 = 540 ms = 5.4% of 10 s, but only 4.9% once the 50 ms resolution is off
        Interference i = InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(END), List.of(0),
                List.of(1), 3_500_000_000L, 8_660_000_000L, TEN_SECONDS_NS, HZ);
        assertThat(i.targetCpusOtherMs()).isEqualTo(540.0);
        assertThat(i.disturbed()).isFalse();
        assertThat(i.disturbedReason()).isNull();
        // 610 ms (6.1%, 5.6% after resolution) does
        assertThat(InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(END), List.of(0),
                List.of(1), 3_500_000_000L, 8_590_000_000L, TEN_SECONDS_NS, HZ).disturbed()).isTrue();
    }

    @Test
    void stealAboveTwoPercentDisturbsAQuietStep() {
        String end = END.replace("cpu1 2700 200 400 1070 0 10 10 60", "cpu1 2700 200 400 1070 0 10 10 550");
        // steal 500 ticks = 5000 ms of both CPUs' 20 s = 25%; the stolen time is not busy: cpu1 ran 430 ticks
        Interference i = InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(end), List.of(0),
                List.of(1), 3_700_000_000L, 4_300_000_000L, TEN_SECONDS_NS, HZ);
        assertThat(i.generatorCpusOtherMs()).isEqualTo(0.0);
        assertThat(i.targetCpusBusyMs()).isEqualTo(4300.0);
        assertThat(i.targetCpusOtherMs()).isEqualTo(0.0);
        assertThat(i.stealMs()).isEqualTo(5000.0);
        assertThat(i.disturbedReason()).isEqualTo("steal 25.0% of the CPUs' time (bound 2%)");
    }

    @Test
    void unpinnedSidesShareEveryCpuAndSubtractBothProcesses() {
        // busy of both CPUs: 370 + 920 = 1290 ticks = 12900 ms; harness and target 12500 ms
        Interference i = InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(END), List.of(),
                List.of(), 3_500_000_000L, 9_000_000_000L, TEN_SECONDS_NS, HZ);
        assertThat(i.generatorCpus()).isEqualTo("all");
        assertThat(i.generatorCpusOtherMs()).isEqualTo(400.0);
        assertThat(i.targetCpusOtherMs()).isEqualTo(400.0);
        assertThat(i.resolutionMs()).isEqualTo((3 * 2 + 2) * 10.0);
        assertThat(i.disturbed()).isFalse(); // 400 ms of 20 s: 2%
    }

    @Test
    void busyIsTheWindowLessIdleNotTheTickChargedCounters() {
        // the target ran 9200 ms of cpu1's 10 s, but its ticks aliased with a periodic load: the tick-charged
        // counters show only 300 busy ticks where idle (kept exactly by the kernel) shows 70
        String end = END.replace("cpu1 2700 200 400 1070 0 10 10 60", "cpu1 2200 100 300 1070 0 0 0 60");
        Interference i = InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(end), List.of(0),
                List.of(1), 3_700_000_000L, 9_200_000_000L, TEN_SECONDS_NS, HZ);
        assertThat(i.targetCpusBusyMs()).isEqualTo(9200.0);
        assertThat(i.targetCpusOtherMs()).isEqualTo(0.0);
        assertThat(i.disturbed()).isFalse();
    }

    @Test
    void aCpuMissingFromAReadingGivesNoFigures() {
        assertThat(InterferenceArithmetic.measure(CpuJiffies.parse(START), CpuJiffies.parse(END), List.of(0),
                List.of(2), 0, 0, TEN_SECONDS_NS, HZ)).isNull();
        assertThat(InterferenceArithmetic.measure(Map.of(), Map.of(), List.of(), List.of(), 0, 0, TEN_SECONDS_NS,
                HZ)).isNull();
    }
}
