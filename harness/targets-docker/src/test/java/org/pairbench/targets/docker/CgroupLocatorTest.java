package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupLocatorTest {
    private static final String ID = "191d77a98452c9d66fe0f28a1e906f2c15880b1b550c7e2a43535522aed29a2c";

    /** A hybrid host (Debian's Docker 20.10, cgroupfs driver): v1 controllers and an empty unified hierarchy. */
    @Test
    void aHybridHostUsesTheV1CpuacctAndMemoryControllers() {
        String cgroup = "9:name=systemd:/docker/" + ID + "\n4:memory:/docker/" + ID + "\n2:cpuacct:/docker/" + ID
                + "\n1:cpu:/docker/" + ID + "\n0::/docker/" + ID + "\n";
        String mountinfo = """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """;
        assertThat(CgroupLocator.locate(cgroup, mountinfo)).contains(new CgroupFiles(false,
                Path.of("/sys/fs/cgroup/cpuacct/docker/" + ID), Path.of("/sys/fs/cgroup/memory/docker/" + ID)));
    }

    @Test
    void coMountedControllersAreFoundByTheirSuperOptions() {
        String cgroup = "3:cpu,cpuacct:/docker/x\n2:memory:/docker/x\n";
        String mountinfo = "30 25 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:12 - cgroup cgroup "
                + "rw,cpu,cpuacct\n31 25 0:28 / /sys/fs/cgroup/memory rw shared:13 - cgroup cgroup rw,memory\n";
        assertThat(CgroupLocator.locate(cgroup, mountinfo)).contains(new CgroupFiles(false,
                Path.of("/sys/fs/cgroup/cpu,cpuacct/docker/x"), Path.of("/sys/fs/cgroup/memory/docker/x")));
    }

    /** A cgroup v2 host with the systemd driver. */
    @Test
    void aUnifiedHostUsesTheOneDirectoryForBoth() {
        String cgroup = "0::/system.slice/docker-" + ID + ".scope\n";
        String mountinfo = "29 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 "
                + "rw,nsdelegate,memory_recursiveprot\n";
        Path dir = Path.of("/sys/fs/cgroup/system.slice/docker-" + ID + ".scope");
        assertThat(CgroupLocator.locate(cgroup, mountinfo)).contains(new CgroupFiles(true, dir, dir));
    }

    /** The harness in a container whose cgroup mount starts at its own cgroup, not at the hierarchy's root. */
    @Test
    void aMountBelowTheRootIsResolvedRelativeToItsRoot() {
        String cgroup = "0::/kubepods/pod1/harness/docker/abc\n";
        String mountinfo = "50 40 0:26 /kubepods/pod1/harness /sys/fs/cgroup ro - cgroup2 cgroup2 rw\n";
        Path dir = Path.of("/sys/fs/cgroup/docker/abc");
        assertThat(CgroupLocator.locate(cgroup, mountinfo)).contains(new CgroupFiles(true, dir, dir));
    }

    @Test
    void noCgroupMountMeansNoFigures() {
        assertThat(CgroupLocator.locate("0::/docker/abc\n", "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n")).isEmpty();
        assertThat(CgroupLocator.forPid(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void escapedMountPointsAreDecoded() {
        assertThat(CgroupLocator.mounts("60 1 0:26 / /mnt/cg\\040two rw - cgroup2 cgroup2 rw\n"))
                .extracting(CgroupLocator.Mount::mountPoint).containsExactly(Path.of("/mnt/cg two"));
    }
}
