package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.ResourceSample;

class CgroupFilesTest {
    @TempDir
    Path dir;

    @Test
    void v2ReadsUsageUsecAndTheChargeWithoutInactivePageCache() throws IOException {
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 203600\nuser_usec 150000\nsystem_usec 53600\n");
        Files.writeString(dir.resolve("memory.current"), "24690688\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 23552000\nfile 1138688\ninactive_file 1048576\n");
        assertThat(new CgroupFiles(true, dir, dir).sample())
                .isEqualTo(new ResourceSample(203_600_000L, 24690688L - 1048576L));
    }

    @Test
    void v1ReadsCpuacctUsageAndTheMemoryControllerTotals() throws IOException {
        Path cpu = Files.createDirectories(dir.resolve("cpuacct"));
        Path mem = Files.createDirectories(dir.resolve("memory"));
        Files.writeString(cpu.resolve("cpuacct.usage"), "203600733\n");
        Files.writeString(mem.resolve("memory.usage_in_bytes"), "24690688\n");
        Files.writeString(mem.resolve("memory.stat"), "cache 24576\nrss 23552000\ninactive_file 8192\n"
                + "total_cache 24576\ntotal_rss 23552000\ntotal_inactive_file 16384\n");
        assertThat(new CgroupFiles(false, cpu, mem).sample()).isEqualTo(new ResourceSample(203600733L,
                24690688L - 16384L));
    }

    @Test
    void aRemovedContainerReadsZeroLikeAVanishedProcess() {
        Path gone = dir.resolve("gone");
        assertThat(new CgroupFiles(true, gone, gone).sample()).isEqualTo(new ResourceSample(0, 0));
    }

    @Test
    void unreadableFiguresAreUnavailable() throws IOException {
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec not-a-number\n");
        assertThat(new CgroupFiles(true, dir, dir).sample()).isEqualTo(ResourceSample.UNAVAILABLE);
    }

    @Test
    void statValueFindsExactKeysOnly() {
        String stat = "total_inactive_file 5\ninactive_file 7\n";
        assertThat(CgroupFiles.statValue(stat, "inactive_file")).isEqualTo(7);
        assertThat(CgroupFiles.statValue(stat, "missing")).isZero();
    }
}
