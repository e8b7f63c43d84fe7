package org.pairbench.core.result;

/**
 * Whether idle CPUs were kept out of their sleep states while the run measured. On a virtual machine an idle
 * vCPU halts and the host deschedules it; waking it for a timer or a packet then takes from tens of microseconds
 * to milliseconds, which the generator (it sleeps between open-loop sends) records as lag and the targets as
 * latency. A request for zero wake-up latency through Linux's PM QoS interface ({@code /dev/cpu_dma_latency},
 * held open for the run) makes the idle loop poll instead, on every CPU, for as long as the harness runs.
 *
 * @param driver the kernel's cpuidle driver ({@code haltpoll}, {@code intel_idle}, {@code acpi_idle}, ...) or
 *               {@code none} when the kernel has no cpuidle
 * @param held   whether the zero-latency request was in place for the run
 * @param detail how it was held, or why not (no permission, turned off with {@code PAIRBENCH_CPU_IDLE=allow})
 */
public record CpuIdle(String driver, boolean held, String detail) {
}
