package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.TargetException;

class CpuAffinityTest {
    private static final Optional<Path> TASKSET = Optional.of(Path.of("/usr/bin/taskset"));

    @Test
    void parsesKernelCpuLists() {
        assertThat(CpuAffinity.parseCpuList("0-1\n")).containsExactly(0, 1);
        assertThat(CpuAffinity.parseCpuList("0-3,8,10-11")).containsExactly(0, 1, 2, 3, 8, 10, 11);
        assertThat(CpuAffinity.parseCpuList("5")).containsExactly(5);
    }

    @Test
    void twoCpusSplitIntoGeneratorAndTarget() {
        CpuAffinity a = new CpuAffinity(List.of(0, 1), TASKSET);
        assertThat(a.cpuCount()).isEqualTo(2);
        assertThat(a.defaultTargetCpus()).isEqualTo("1");
        assertThat(a.defaultGeneratorCpus()).isEqualTo("0");
    }

    @Test
    void theTargetGetsTheLastAllowedCpu() {
        CpuAffinity a = new CpuAffinity(List.of(2, 3, 4, 5), TASKSET);
        assertThat(a.defaultTargetCpus()).isEqualTo("5");
        assertThat(a.defaultGeneratorCpus()).isEqualTo("2,3,4");
    }

    @Test
    void oneCpuMeansNoPinning() {
        CpuAffinity a = new CpuAffinity(List.of(0), TASKSET);
        assertThat(a.defaultTargetCpus()).isEmpty();
        assertThat(a.defaultGeneratorCpus()).isEmpty();
    }

    @Test
    void launchPrefixNeedsCpusAndTaskset() {
        assertThat(new CpuAffinity(List.of(0, 1), TASKSET).launchPrefix("1"))
                .containsExactly("/usr/bin/taskset", "-c", "1");
        assertThat(new CpuAffinity(List.of(0, 1), TASKSET).launchPrefix("")).isEmpty();
        CpuAffinity without = new CpuAffinity(List.of(0, 1), Optional.empty());
        assertThat(without.available()).isFalse();
        assertThat(without.launchPrefix("1")).isEmpty();
        assertThatThrownBy(() -> without.pinProcess(1, "0")).isInstanceOf(TargetException.class)
                .hasMessageContaining("taskset not found");
    }

    @Test
    void thisMachineHasAtLeastOneCpu() {
        assertThat(new CpuAffinity().cpuCount()).isPositive();
    }
}
