package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the cgroup directories of a process (a container's first process) the way the kernel tells them, so it
 * works for either cgroup driver (cgroupfs: {@code /docker/<id>}, systemd: {@code .../docker-<id>.scope}), on
 * cgroup v1, v2 and hybrid hosts, and when the harness itself runs in a container whose cgroup mounts start
 * below the hierarchy's root: the process's path from {@code /proc/PID/cgroup} is resolved against the mount of
 * the matching hierarchy in {@code /proc/self/mountinfo}. On a hybrid host (v1 controllers and an empty
 * unified hierarchy) the v1 {@code cpuacct} and {@code memory} controllers are used.
 *
 * <p>Stateless; any thread. Empty results mean the process is not visible from here (a remote engine, or a VM
 * such as Docker Desktop's): the runtime then has no resource figures.
 */
final class CgroupLocator {
    /** One cgroup mount: which hierarchy path is mounted where. */
    record Mount(String root, Path mountPoint, boolean v2, List<String> controllers) {
    }

    private CgroupLocator() {
    }

    static Optional<CgroupFiles> forPid(long pid) {
        try {
            return locate(Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")),
                    Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From the text of {@code /proc/PID/cgroup} and {@code /proc/self/mountinfo}. */
    static Optional<CgroupFiles> locate(String procCgroup, String mountinfo) {
        Map<String, String> v1Paths = new HashMap<>();
        String v2Path = null;
        for (String line : procCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2Path = f[2];
            } else {
                for (String controller : f[1].split(",")) {
                    v1Paths.put(controller, f[2]);
                }
            }
        }
        List<Mount> mounts = mounts(mountinfo);
        Optional<Path> cpu = v1Dir(mounts, "cpuacct", v1Paths);
        Optional<Path> memory = v1Dir(mounts, "memory", v1Paths);
        if (cpu.isPresent() && memory.isPresent()) {
            return Optional.of(new CgroupFiles(false, cpu.get(), memory.get()));
        }
        if (v2Path != null) {
            for (Mount m : mounts) {
                if (m.v2()) {
                    Path dir = resolve(m, v2Path);
                    return Optional.of(new CgroupFiles(true, dir, dir));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> v1Dir(List<Mount> mounts, String controller, Map<String, String> paths) {
        String path = paths.get(controller);
        if (path == null) {
            return Optional.empty();
        }
        return mounts.stream().filter(m -> !m.v2() && m.controllers().contains(controller)).findFirst()
                .map(m -> resolve(m, path));
    }

    /** The directory of hierarchy path {@code path} under mount {@code m}. */
    static Path resolve(Mount m, String path) {
        String rel = path;
        if (!m.root().equals("/") && (path.equals(m.root()) || path.startsWith(m.root() + "/"))) {
            rel = path.substring(m.root().length());
        }
        rel = rel.startsWith("/") ? rel.substring(1) : rel;
        return rel.isEmpty() ? m.mountPoint() : m.mountPoint().resolve(rel);
    }

    /**
     * The cgroup mounts of a mountinfo text. Each line is {@code id parent dev root mountpoint options
     * [optional...] - fstype source superoptions}; v1 controllers are among the super options.
     */
    static List<Mount> mounts(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (dash < 6 || dash + 1 >= f.length) { // root and mount point come before the options and "-"
                continue;
            }
            String fsType = f[dash + 1];
            String superOptions = dash + 3 < f.length ? f[dash + 3] : "";
            if (fsType.equals("cgroup2")) {
                mounts.add(new Mount(unescape(f[3]), Path.of(unescape(f[4])), true, List.of()));
            } else if (fsType.equals("cgroup")) {
                mounts.add(new Mount(unescape(f[3]), Path.of(unescape(f[4])), false,
                        List.of(superOptions.split(","))));
            }
        }
        return mounts;
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
