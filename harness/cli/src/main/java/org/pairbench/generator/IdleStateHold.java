package org.pairbench.generator;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.core.result.CpuIdle;

/**
 * Keeps every CPU out of its idle sleep states for as long as it is open, through Linux's PM QoS interface: a
 * process that writes a latency of 0 to {@code /dev/cpu_dma_latency} and keeps the file open asks every cpuidle
 * governor to pick only states with zero exit latency (polling); the request ends when the file is closed, by
 * {@link #close()} or by the kernel when the process dies, so a killed run leaves nothing behind.
 *
 * <p>Why: on this project's virtual machines (cpuidle driver {@code haltpoll} with guest halt polling off) an
 * idle vCPU halts at once and the host takes it off the physical CPU; the generator, which sleeps between
 * open-loop sends, then woke up to milliseconds late, and those wake-ups were most of the generator lag that
 * made open-loop steps INVALID on a quiet machine. Tools that measure latency at this scale (cyclictest, DPDK,
 * TRex) hold the same request. It applies to the targets' CPU too: both variants of a pair run under it.
 *
 * <p>Writing the device needs root (or a udev rule granting it); without it the run goes on and {@link #state()}
 * says why nothing is held. {@code PAIRBENCH_CPU_IDLE=allow} turns the hold off. Not thread-safe: opened and
 * closed by the runner's thread.
 */
public final class IdleStateHold implements AutoCloseable {
    static final Path DEVICE = Path.of("/dev/cpu_dma_latency");
    static final Path DRIVER = Path.of("/sys/devices/system/cpu/cpuidle/current_driver");
    /** The environment variable that turns the hold off when set to {@code allow}. */
    public static final String ENV = "PAIRBENCH_CPU_IDLE";

    private final FileOutputStream device;
    private final CpuIdle state;

    private IdleStateHold(FileOutputStream device, CpuIdle state) {
        this.device = device;
        this.state = state;
    }

    /** Holds the CPUs awake unless {@code PAIRBENCH_CPU_IDLE=allow}; never fails, {@link #state()} says what held. */
    public static IdleStateHold acquire() {
        return acquire(DEVICE, DRIVER, !"allow".equalsIgnoreCase(System.getenv(ENV)));
    }

    static IdleStateHold acquire(Path device, Path driverFile, boolean wanted) {
        String driver = driver(driverFile);
        if (!wanted) {
            return new IdleStateHold(null, new CpuIdle(driver, false, ENV + "=allow: idle CPUs may sleep"));
        }
        if (!Files.exists(device)) {
            return new IdleStateHold(null, new CpuIdle(driver, false, device + " does not exist"));
        }
        FileOutputStream out = null;
        try {
            out = new FileOutputStream(device.toFile());
            // the interface takes a binary s32: 0 microseconds of tolerated wake-up latency
            out.write(new byte[4]);
            out.flush();
            return new IdleStateHold(out, new CpuIdle(driver, true, "0 us requested through " + device
                    + ", held open for the run"));
        } catch (IOException | SecurityException e) {
            closeQuietly(out);
            return new IdleStateHold(null, new CpuIdle(driver, false, "could not write " + device + " ("
                    + e.getMessage() + "): run as root to keep idle CPUs from sleeping"));
        }
    }

    /** What was held, for run.json. */
    public CpuIdle state() {
        return state;
    }

    /** A line for the progress output. */
    public String describe() {
        return state.held() ? "Idle CPUs are kept polling for the run (cpuidle " + state.driver() + "; "
                + state.detail() + ")." : "Note: idle CPUs may sleep during the run (cpuidle " + state.driver()
                + "): " + state.detail() + "; timer and wake-up latencies of the platform are then in the figures.";
    }

    private static String driver(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            return "none";
        }
    }

    private static void closeQuietly(FileOutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing was held
            }
        }
    }

    /** Ends the request. */
    @Override
    public void close() {
        closeQuietly(device);
    }
}
