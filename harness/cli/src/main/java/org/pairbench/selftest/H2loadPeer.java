package org.pairbench.selftest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code h2load --h1} (nghttp2's load generator, Debian package nghttp2-client) as a second C peer, run like
 * {@link WrkPeer}: one thread, the same server, connections and core as pairbench's generator.
 *
 * <p>Threading: the caller's thread; blocks while h2load runs.
 */
final class H2loadPeer {
    private static final Pattern FINISHED = Pattern.compile("finished in [0-9.]+m?s, ([0-9.]+) req/s");
    private static final Pattern DONE = Pattern.compile("requests: \\d+ total, \\d+ started, (\\d+) done, (\\d+) "
            + "succeeded");

    private H2loadPeer() {
    }

    static Path find() {
        return WrkPeer.find("h2load");
    }

    static WrkPeer.Result run(Path h2load, String cpus, int connections, int seconds, String url)
            throws IOException, InterruptedException {
        WrkPeer.Pinned run = WrkPeer.runPinned(cpus, List.of(h2load.toString(), "--h1", "-t1",
                "-c" + connections, "-D", Integer.toString(seconds), url));
        double[] parsed = parse(run.output());
        return new WrkPeer.Result(version(h2load), parsed[0], (long) parsed[1], run.cpuSeconds(), run.command());
    }

    /** Requests per second and requests that succeeded, from h2load's report. */
    static double[] parse(String out) throws IOException {
        Matcher rps = FINISHED.matcher(out);
        Matcher done = DONE.matcher(out);
        if (!rps.find() || !done.find()) {
            throw new IOException("unexpected h2load output: " + out.strip());
        }
        return new double[] {Double.parseDouble(rps.group(1)), Long.parseLong(done.group(2))};
    }

    private static String version(Path h2load) {
        try {
            Process p = new ProcessBuilder(h2load.toString(), "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("h2load");
            p.waitFor(5, TimeUnit.SECONDS);
            return first.strip().isEmpty() ? "h2load" : first.strip();
        } catch (IOException e) {
            return "h2load";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "h2load";
        }
    }
}
