package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run records and their sweep, with real processes: a live run's record is left alone, a dead run's processes
 * and directories are removed, and a pid now used by another process is not touched.
 */
class LeftoverSweepTest {
    @TempDir
    Path dir;

    @Test
    void aLiveRunsRecordIsLeftAlone() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        try (RunRecord live = RunRecord.create(dir, dir.resolve("results"), m -> { })) {
            live.process(child.pid(), "w/v");
            assertThat(LeftoverSweep.sweep(dir)).isEmpty();
            assertThat(child.isAlive()).isTrue();
            assertThat(live.file()).exists();
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(dir.resolve(ProcessHandle.current().pid() + RunRecord.SUFFIX)).doesNotExist();
    }

    @Test
    void aDeadRunsProcessesAndDirectoriesAreRemovedAndSaid() throws Exception {
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Process left = new ProcessBuilder("sleep", "600").start();
        Path cluster = Files.createDirectories(dir.resolve("cluster/data"));
        Path gone = dir.resolve("already-removed");
        try {
            long start = ProcStat.startOfRunning(left.pid()).orElseThrow();
            Files.writeString(dir.resolve("1" + RunRecord.SUFFIX), RunRecord.HEADER + "\n"
                    + "owner " + deadOwner.pid() + " 1\n"
                    + "results /r/x\n"
                    + "process " + left.pid() + " " + start + " w/left\n"
                    + "process " + ProcessHandle.current().pid() + " 1 pid-reused\n" // same pid, other start
                    + "process 999999999 1 w/ended\nended 999999999\n"
                    + "dir " + dir.resolve("cluster") + "\n"
                    + "dir " + gone + "\nremoved " + gone + "\n"
                    + "process 12"); // cut short by the kill
            List<LeftoverSweep.Leftover> swept = LeftoverSweep.sweep(dir);
            assertThat(swept).hasSize(1);
            LeftoverSweep.Leftover l = swept.get(0);
            assertThat(l.resultsDir()).isEqualTo(Path.of("/r/x"));
            assertThat(l.stopped()).containsExactly("pid " + left.pid() + " (w/left)");
            assertThat(l.removed()).containsExactly(dir.resolve("cluster"));
            assertThat(l.message()).contains("stopped pid " + left.pid() + " (w/left)")
                    .contains("removed " + dir.resolve("cluster"));
            assertThat(ProcStat.isRunning(left.pid(), start)).isFalse();
            assertThat(cluster).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).isEmpty();
            }
        } finally {
            left.destroyForcibly();
        }
    }

    @Test
    void procStatTellsAZombieAndAPidReuseFromTheProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        long start = ProcStat.startOfRunning(self).orElseThrow();
        assertThat(ProcStat.isRunning(self, start)).isTrue();
        assertThat(ProcStat.isRunning(self, start + 1)).isFalse();
        Path proc = Files.createDirectories(dir.resolve("42"));
        Files.writeString(proc.resolve("stat"), "42 (a) b) Z 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 777 0 0");
        assertThat(ProcStat.startOfRunning(dir, 42)).isEmpty();
        Files.writeString(proc.resolve("stat"), "42 (a) b) S 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 777 0 0");
        assertThat(ProcStat.startOfRunning(dir, 42)).hasValue(777);
    }
}
