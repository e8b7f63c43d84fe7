package org.pairbench.selftest;

import java.util.List;
import java.util.Locale;
import org.pairbench.core.result.PlatformHiccups;
import java.util.stream.Collectors;
import org.pairbench.console.Format;

/** The self-test's table for the terminal. Stateless. */
final class SelfTestTable {
    private SelfTestTable() {
    }

    static String render(SelfTestFigures f, SelfTestOptions o) {
        StringBuilder sb = new StringBuilder("\npairbench self-test (generator on CPU ")
                .append(o.generatorCpus().isEmpty() ? "any" : o.generatorCpus()).append(", calibration server on CPU ")
                .append(o.targetCpus().isEmpty() ? "any" : o.targetCpus()).append(")\n\n");
        SelfTestFigures.Capacity c = f.capacity();
        sb.append("Capacity of the generator (one event loop)\n");
        sb.append(String.format(Locale.ROOT, "  open loop    %s req/s sustained (generator lag p99 <= %s, all answered); "
                        + "tried %s\n", Format.rate(c.openLoopPerSec()), Format.latencyMs(c.lagBoundUs() / 1e3),
                c.openLoopTriedPerSec().stream().map(Format::rate).collect(Collectors.joining(", "))));
        for (int i = 0; i < c.openLoopLagP99Us().size(); i++) {
            sb.append(String.format(Locale.ROOT, "    %8s req/s  generator lag p99 %s\n",
                    Format.rate(c.openLoopTriedPerSec().get(i)), Format.latencyMs(c.openLoopLagP99Us().get(i) / 1e3)));
        }
        sb.append("    stopped by: ").append(c.openLoopStoppedBy()).append('\n');
        sb.append(String.format(Locale.ROOT, "  closed loop  %s req/s with %d connections, generator CPU %.0f%%\n\n",
                Format.rate(c.closedLoopPerSec()), c.connections(), c.closedLoopGeneratorCpu() * 100));
        sb.append(String.format(Locale.ROOT, "Platform hiccups on the generator's core, no load (transport %s)\n",
                f.transport()));
        for (PlatformHiccups.Meter m : List.of(f.platform().sleep(), f.platform().spin())) {
            sb.append(String.format(Locale.ROOT, "  %-5s %s periods  p50 %-8s p99 %-8s p99.9 %-8s max %s\n",
                    m.mode(), Format.latencyMs(m.periodUs() / 1e3), Format.latencyMs(m.p50Us() / 1e3),
                    Format.latencyMs(m.p99Us() / 1e3), Format.latencyMs(m.p999Us() / 1e3),
                    Format.latencyMs(m.maxUs() / 1e3)));
        }
        sb.append('\n');
        sb.append("Accuracy against a known service time (corrected latency)\n");
        sb.append("  service   rate       p50       p99     p50 err   p99 err\n");
        for (SelfTestFigures.Accuracy a : f.accuracy()) {
            sb.append(String.format(Locale.ROOT, "  %-8s %6s/s  %-8s  %-8s %+7.1f%%  %+7.1f%%\n",
                    Format.latencyMs(a.serviceTimeUs() / 1e3), Format.rate(a.ratePerSec()),
                    Format.latencyMs(a.p50Us() / 1e3), Format.latencyMs(a.p99Us() / 1e3), a.p50ErrorPct(),
                    a.p99ErrorPct()));
        }
        SelfTestFigures.Omission m = f.omission();
        sb.append(String.format(Locale.ROOT, "%nCoordinated omission: a %s stall at %s req/s, %.0fs measured\n",
                Format.latencyMs(m.stallMs()), Format.rate(m.ratePerSec()), m.measureSec()));
        sb.append(String.format(Locale.ROOT, "  corrected p99    %-8s (theory: %s): the stall shows\n",
                Format.latencyMs(m.correctedP99Us() / 1e3), Format.latencyMs(m.predictedCorrectedP99Us() / 1e3)));
        sb.append(String.format(Locale.ROOT, "  uncorrected p99  %-8s (service time %s): the stall is hidden\n",
                Format.latencyMs(m.uncorrectedP99Us() / 1e3), Format.latencyMs(m.serviceTimeUs() / 1e3)));
        peer(sb, "wrk", f.wrk());
        peer(sb, "h2load --h1", f.h2load());
        sb.append("\nTargets\n");
        for (SelfTestFigures.Target t : f.targets()) {
            sb.append(String.format(Locale.ROOT, "  [%s] %s: %s\n", t.met() ? "met   " : "missed", t.name(),
                    t.measured()));
        }
        return sb.toString();
    }

    private static void peer(StringBuilder sb, String name, SelfTestFigures.Peer w) {
        if (w == null) {
            sb.append("\nPeer: ").append(name).append(" not installed, no comparison\n");
            return;
        }
        sb.append(String.format(Locale.ROOT, "%nPeer: %s -t1 -c%d, same server, same core\n", w.version(),
                w.connections()));
        sb.append(String.format(Locale.ROOT, "  %s %s req/s, pairbench %s req/s: ratio %.2f", name,
                Format.rate(w.peerPerSec()), Format.rate(w.pairbenchPerSec()), w.ratio()));
        sb.append(w.requestsPerCpuRatio() > 0 ? String.format(Locale.ROOT, " (requests per CPU-second: %.2f)%n",
                w.requestsPerCpuRatio()) : "\n");
    }
}
