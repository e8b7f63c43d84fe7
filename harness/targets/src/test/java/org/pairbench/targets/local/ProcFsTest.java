package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.ResourceSample;

class ProcFsTest {
    // comm holds spaces and both parentheses; utime (field 14) = 1234, stime (field 15) = 566
    private static final String STAT = "4242 (my (odd) proc) x) S 1 4242 4242 0 -1 4194560 1520 0 0 0 "
            + "1234 566 0 0 20 0 3 0 98765 123456789 2345 18446744073709551615 1 1 0 0 0 0 0 16781312 134234626 "
            + "0 0 0 17 1 0 0 0 0 0";
    private static final String STATUS = "Name:\tpython\nState:\tS (sleeping)\nVmPeak:\t  30000 kB\n"
            + "VmRSS:\t   20480 kB\nThreads:\t3\n";

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        assertThat(ProcFs.cpuTicks(STAT)).isEqualTo(1234 + 566);
    }

    @Test
    void reapedChildrenTicksAreCutimePlusCstime() {
        // cutime (field 16) = 77, cstime (field 17) = 11; utime and stime are not counted
        assertThat(ProcFs.reapedChildrenCpuTicks(STAT.replace(" 1234 566 0 0 20 ", " 1234 566 77 11 20 ")))
                .isEqualTo(77 + 11);
    }

    @Test
    void vmRssIsReadInKilobytesAndMissingMeansZero() {
        assertThat(ProcFs.vmRssKb(STATUS)).isEqualTo(20480);
        assertThat(ProcFs.vmRssKb("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
    }

    @Test
    void ticksBecomeNanosecondsAtTheKernelsRate() {
        assertThat(new ProcFs(Path.of("/proc"), 100).ticksToNanos(150)).isEqualTo(1_500_000_000L);
        assertThat(new ProcFs(Path.of("/proc"), 250).ticksToNanos(1)).isEqualTo(4_000_000L);
    }

    @Test
    void sampleReadsTheProcessFiles(@TempDir Path proc) throws IOException {
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), STAT);
        Files.writeString(dir.resolve("status"), STATUS);
        ResourceSample s = new ProcFs(proc, 100).sample(ProcessHandle.current());
        assertThat(s.cpuNanos()).isEqualTo(1800 * 10_000_000L);
        assertThat(s.rssBytes()).isEqualTo(20480 * 1024L);
    }

    @Test
    void sampleCountsTheCpuOfChildrenTheProcessReaped(@TempDir Path proc) throws IOException {
        // a postmaster whose sessions came and went: their CPU is in its cutime (77) and cstime (11)
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), STAT.replace(" 1234 566 0 0 20 ", " 1234 566 77 11 20 "));
        Files.writeString(dir.resolve("status"), STATUS);
        ResourceSample s = new ProcFs(proc, 100).sample(ProcessHandle.current());
        assertThat(s.cpuNanos()).isEqualTo((1800 + 88) * 10_000_000L);
    }

    @Test
    void aVanishedProcessCountsAsZero(@TempDir Path emptyProc) {
        ResourceSample s = new ProcFs(emptyProc, 100).sample(ProcessHandle.current());
        assertThat(s).isEqualTo(new ResourceSample(0, 0));
    }

    @Test
    void theTreeHoldsChildrenAndGrandchildren() throws Exception {
        // a shell (child) that starts a sleep (grandchild), read from the real /proc
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            long grandchild = -1;
            for (int i = 0; i < 100 && grandchild < 0; i++) {
                grandchild = shell.toHandle().children().mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
                Thread.sleep(20);
            }
            var tree = ProcFs.system().processTree(ProcessHandle.current());
            assertThat(tree).startsWith(ProcessHandle.current().pid()).contains(shell.pid(), grandchild);
            assertThat(ProcFs.system().processTree(shell.toHandle())).containsExactly(shell.pid(), grandchild);
        } finally {
            shell.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void theRealProcShowsThisJvmUsingCpuAndMemory() {
        ResourceSample s = ProcFs.system().sample(ProcessHandle.current());
        assertThat(s.cpuNanos()).isPositive();
        assertThat(s.rssBytes()).isPositive();
    }
}
