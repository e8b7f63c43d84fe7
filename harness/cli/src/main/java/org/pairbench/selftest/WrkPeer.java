package org.pairbench.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk}, the C closed-loop HTTP load generator, as a peer: run against the same server, with the same
 * connections, pinned to the same core as pairbench's generator, so that the two throughputs (and the CPU each
 * spent) can be compared as a ratio from one run.
 *
 * <p>Threading: the caller's thread; blocks while wrk runs.
 */
final class WrkPeer {
    private static final Pattern REQUESTS_PER_SEC = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ");

    private WrkPeer() {
    }

    /**
     * What one wrk run did.
     *
     * @param version       wrk's first line of {@code --version}
     * @param requestsPerSec its reported throughput
     * @param requests      requests completed
     * @param cpuSeconds    user + system CPU wrk used (from its own /proc entry), -1 when unknown
     * @param command       the command line run
     */
    record Result(String version, double requestsPerSec, long requests, double cpuSeconds, List<String> command) {
    }

    /** The wrk executable on the PATH, or null. */
    static Path find() {
        return find("wrk");
    }

    /** An executable on the PATH, or null. */
    static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Result run(Path wrk, String cpus, int connections, int seconds, String url)
            throws IOException, InterruptedException {
        Pinned run = runPinned(cpus, List.of(wrk.toString(), "-t1", "-c" + connections, "-d" + seconds + "s", url));
        double[] parsed = parse(run.output());
        return new Result(version(wrk), parsed[0], (long) parsed[1], run.cpuSeconds(), run.command());
    }

    /** What a pinned peer printed, the CPU it used (-1 when unknown) and the command run. */
    record Pinned(String output, double cpuSeconds, List<String> command) {
    }

    /**
     * Runs a peer's command pinned to {@code cpus} (when not empty) and samples its CPU time until it exits;
     * fails when it exits non-zero.
     */
    static Pinned runPinned(String cpus, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (!cpus.isEmpty()) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long cpuTicks = -1;
        // sample the peer's CPU just before it exits: its /proc entry disappears with it
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            cpuTicks = Math.max(cpuTicks, cpuTicks(p.pid()));
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IOException(args.get(0) + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return new Pinned(out, cpuTicks < 0 ? -1 : cpuTicks / 100.0, command);
    }

    /** Requests per second and total requests from wrk's report. */
    static double[] parse(String out) throws IOException {
        Matcher rps = REQUESTS_PER_SEC.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rps.find() || !total.find()) {
            throw new IOException("unexpected wrk output: " + out.strip());
        }
        return new double[] {Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1))};
    }

    /** {@code wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer} becomes {@code wrk debian/4.1.0-3+b2}. */
    static String shortVersion(String line) {
        String[] words = line.strip().split("\\s+");
        return words.length >= 2 ? words[0] + " " + words[1] : line.strip();
    }

    /** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux), or -1. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String version(Path wrk) {
        try {
            Process p = new ProcessBuilder(wrk.toString(), "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("wrk");
            p.waitFor(5, TimeUnit.SECONDS);
            return first.strip().toLowerCase(Locale.ROOT).startsWith("wrk") ? shortVersion(first) : "wrk";
        } catch (IOException e) {
            return "wrk";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrk";
        }
    }
}
