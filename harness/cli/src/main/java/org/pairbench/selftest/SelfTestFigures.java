package org.pairbench.selftest;

import java.util.List;
import org.pairbench.core.result.PlatformHiccups;

/**
 * The content of {@code selftest.json}: what the self-test concluded about the generator on this machine.
 * Documented in {@code docs/results-format.md}.
 *
 * @param schema     {@value #SCHEMA}
 * @param capacity   the highest rates one generator core sustains
 * @param accuracy   measured latency against the calibration server's known service time
 * @param omission   the coordinated-omission check
 * @param wrk        the comparison with {@code wrk -t1}, null when wrk is not installed
 * @param targets    which of the harness's own targets were met
 * @param platform   the platform's own stalls on the generator's core, with no load (the hiccup meter)
 * @param transport  the generator's socket transport
 * @param h2load     the comparison with {@code h2load --h1 -t1}, null when h2load is not installed
 */
public record SelfTestFigures(String schema, Capacity capacity, List<Accuracy> accuracy, Omission omission,
                              Peer wrk, List<Target> targets, PlatformHiccups platform, String transport,
                              Peer h2load) {
    public static final String SCHEMA = "pairbench.selftest/1";

    /**
     * @param openLoopPerSec   highest open-loop rate sustained (achieved within 1%, no errors, generator lag
     *                         p99 within {@code lagBoundUs}); 0 when even the lowest rate tried failed
     * @param openLoopTriedPerSec the rates tried, in order
     * @param closedLoopPerSec throughput of the closed loop with {@code connections} connections
     * @param closedLoopGeneratorCpu generator CPU use during it, share of its cores
     * @param connections      connections of the closed loop
     * @param lagBoundUs       the lag bound used (its floor: see {@code GeneratorCheck})
     * @param openLoopLagP99Us generator lag p99 at each rate tried, in the same order
     * @param openLoopStoppedBy what stopped the ladder: the first rate not sustained and why
     */
    public record Capacity(double openLoopPerSec, List<Double> openLoopTriedPerSec, double closedLoopPerSec,
                           double closedLoopGeneratorCpu, int connections, double lagBoundUs,
                           List<Double> openLoopLagP99Us, String openLoopStoppedBy) {
    }

    /**
     * @param serviceTimeUs the server's service time
     * @param ratePerSec    offered rate
     * @param p50Us         measured corrected p50
     * @param p99Us         measured corrected p99
     * @param p50ErrorPct   (p50 - service time) / service time, percent
     * @param p99ErrorPct   (p99 - service time) / service time, percent
     */
    public record Accuracy(double serviceTimeUs, double ratePerSec, double p50Us, double p99Us, double p50ErrorPct,
                           double p99ErrorPct) {
    }

    /**
     * @param stallMs                  length of the stall
     * @param ratePerSec               offered rate
     * @param measureSec               measured period
     * @param predictedCorrectedP99Us  what theory predicts for the corrected p99 (requests intended during the stall
     *                                 wait for its end: uniform on (0, stall])
     * @param correctedP99Us           measured corrected p99
     * @param uncorrectedP99Us         measured uncorrected p99
     * @param serviceTimeUs            the service time outside the stall
     */
    public record Omission(double stallMs, double ratePerSec, double measureSec, double predictedCorrectedP99Us,
                           double correctedP99Us, double uncorrectedP99Us, double serviceTimeUs) {
    }

    /**
     * A C load generator run as a peer: one thread, the same server, connections and core as pairbench.
     *
     * @param version             the peer's version line ({@code wrk ...}, {@code h2load nghttp2/...})
     * @param connections         connections of both
     * @param peerPerSec          the peer's throughput
     * @param pairbenchPerSec     pairbench's closed-loop throughput
     * @param ratio               pairbench / peer
     * @param peerCpuSec          CPU the peer used, -1 when unknown
     * @param pairbenchCpuSec     CPU the harness used over its closed-loop step
     * @param requestsPerCpuRatio (pairbench requests per CPU-second) / (peer requests per CPU-second), -1 when
     *                            the peer's CPU is unknown
     */
    public record Peer(String version, int connections, double peerPerSec, double pairbenchPerSec, double ratio,
                       double peerCpuSec, double pairbenchCpuSec, double requestsPerCpuRatio) {
    }

    /** A target of the harness itself and whether this run met it. */
    public record Target(String name, String measured, boolean met) {
    }
}
