package org.pairbench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.pairbench.core.snippet.SnippetRun;

/**
 * The content of {@code run.json}: what was run, where and with what, so that a run can be understood,
 * re-rendered and compared later without anything else. Documented in {@code docs/results-format.md}.
 *
 * @param schema      {@value #SCHEMA}
 * @param runId       the results directory's name
 * @param startedAt   ISO-8601 instant
 * @param commandLine the pairbench arguments
 * @param suite       suite name
 * @param profile     profile each workload ran
 * @param runtime     {@code local} or {@code docker}
 * @param git         revision of the harness
 * @param environment machine, JVM and CPU placement
 * @param python      interpreter and exact package versions of the targets
 * @param containers  how the docker runtime ran the targets; null for the local runtime
 * @param workloads   the workloads as resolved (defaults applied), one JSON object each
 * @param pyperfSystem what {@code python -m pyperf system show} said about this machine's tuning (its system
 *                    checks: state, advice, warnings), run where the targets run, when the run has an in-process
 *                    workload; null otherwise
 * @param guideSnippets what the guide's snippets that do not run as written raised when the run ran them; null in
 *                    files of runs made before the step existed
 * @param shard       with {@code run --shard I/N}: which part of the suite this run measured; null otherwise
 * @param shards      in a directory written by {@code pairbench merge}: the shard runs it was merged from, which
 *                    machine ran which workloads; null otherwise
 */
public record RunMetadata(String schema, String runId, String startedAt, List<String> commandLine, String suite,
                          String profile, String runtime, GitInfo git, EnvironmentInfo environment, PythonInfo python,
                          ContainerInfo containers, List<JsonNode> workloads, List<String> pyperfSystem,
                          SnippetRun guideSnippets, ShardInfo shard, List<MergedShard> shards) {
    public static final String SCHEMA = "pairbench.run/1";

    /** A run that is neither a shard nor a merge. */
    public RunMetadata(String schema, String runId, String startedAt, List<String> commandLine, String suite,
                       String profile, String runtime, GitInfo git, EnvironmentInfo environment, PythonInfo python,
                       ContainerInfo containers, List<JsonNode> workloads, List<String> pyperfSystem,
                       SnippetRun guideSnippets) {
        this(schema, runId, startedAt, commandLine, suite, profile, runtime, git, environment, python, containers,
                workloads, pyperfSystem, guideSnippets, null, null);
    }

    /** A run without in-process workloads. */
    public RunMetadata(String schema, String runId, String startedAt, List<String> commandLine, String suite,
                       String profile, String runtime, GitInfo git, EnvironmentInfo environment, PythonInfo python,
                       ContainerInfo containers, List<JsonNode> workloads) {
        this(schema, runId, startedAt, commandLine, suite, profile, runtime, git, environment, python, containers,
                workloads, null, null);
    }

    /** @param revision commit id, or "unknown" outside a git checkout; @param dirty uncommitted changes present */
    public record GitInfo(String revision, boolean dirty) {
    }

    /**
     * @param generatorCpus CPUs the harness (load generator) was pinned to, e.g. "0"; empty when not pinned
     * @param targetCpus    CPUs each target was pinned to, e.g. "1"; empty when not pinned
     * @param nettyTransport the socket transport of the generator ({@code io_uring}, {@code epoll} or {@code nio})
     * @param generatorThreads event-loop threads of the generator
     * @param timerSlackNs  timer slack of the generator's threads (Linux; -1 when unknown)
     * @param spinLeadNs    how early open-loop workers poll instead of sleeping before an intended send
     * @param generatorHiccups the platform's own stalls on the generator's core, measured before any load; null
     *                      when not measured
     * @param cpuIdle       whether idle CPUs were held out of their sleep states; null in results written before
     *                      it was recorded
     */
    public record EnvironmentInfo(String os, String kernel, String cpuModel, int cpus, long memoryBytes, String java,
                                  List<String> jvmArgs, String generatorCpus, String targetCpus,
                                  String nettyTransport, int generatorThreads, long timerSlackNs,
                                  long spinLeadNs, PlatformHiccups generatorHiccups, CpuIdle cpuIdle) {

        /** Without the idle-state record. */
        public EnvironmentInfo(String os, String kernel, String cpuModel, int cpus, long memoryBytes, String java,
                               List<String> jvmArgs, String generatorCpus, String targetCpus,
                               String nettyTransport, int generatorThreads, long timerSlackNs, long spinLeadNs,
                               PlatformHiccups generatorHiccups) {
            this(os, kernel, cpuModel, cpus, memoryBytes, java, jvmArgs, generatorCpus, targetCpus, nettyTransport,
                    generatorThreads, timerSlackNs, spinLeadNs, generatorHiccups, null);
        }

        /** Without a hiccup measurement. */
        public EnvironmentInfo(String os, String kernel, String cpuModel, int cpus, long memoryBytes, String java,
                               List<String> jvmArgs, String generatorCpus, String targetCpus,
                               String nettyTransport, int generatorThreads, long timerSlackNs, long spinLeadNs) {
            this(os, kernel, cpuModel, cpus, memoryBytes, java, jvmArgs, generatorCpus, targetCpus, nettyTransport,
                    generatorThreads, timerSlackNs, spinLeadNs, null, null);
        }
    }

    /**
     * @param executable  interpreter the targets ran with
     * @param version     its version
     * @param lockFile    the lock file, relative to the project
     * @param lockSha256  hash of the lock file (it names the cached environment)
     * @param packages    exact installed versions, name to version
     */
    public record PythonInfo(String executable, String version, String lockFile, String lockSha256,
                             Map<String, String> packages) {
    }

    /**
     * How the docker runtime ran the targets.
     *
     * @param image            the target image reference
     * @param imageId          its id
     * @param baseImage        the base image it was built from
     * @param baseImageId      that image's id
     * @param memoryLimitBytes memory limit of every target container
     * @param network          the containers' network mode ({@code host})
     * @param postgresImage    the PostgreSQL image db-pool's server runs in, or null when it is not built
     * @param postgresImageId  that image's id, or null
     * @param engine           where the engine was reached, e.g. {@code unix:///var/run/docker.sock} or
     *                         {@code tcp://127.0.0.1:2375}; null in results written before it was recorded
     * @param engineName       the name the engine gives its machine ({@code docker info}'s Name): the host that
     *                         ran the targets; null when unknown
     */
    public record ContainerInfo(String image, String imageId, String baseImage, String baseImageId,
                                long memoryLimitBytes, String network, String postgresImage,
                                String postgresImageId, String engine, String engineName) {
        /** Without the engine's address and name (results written before they were recorded). */
        public ContainerInfo(String image, String imageId, String baseImage, String baseImageId,
                             long memoryLimitBytes, String network, String postgresImage, String postgresImageId) {
            this(image, imageId, baseImage, baseImageId, memoryLimitBytes, network, postgresImage, postgresImageId,
                    null, null);
        }
    }

    /**
     * The part of a suite one {@code run --shard I/N} measured.
     *
     * @param index          I, from 1
     * @param count          N
     * @param host           the name of the machine (or pod) that ran it
     * @param workloads      the workloads of this shard, in run order
     * @param suiteWorkloads every workload of the whole suite, in suite order, to the sha256 of its resolved
     *                       definition (as {@code compare} hashes it): {@code merge} checks the shards agree
     */
    public record ShardInfo(int index, int count, String host, List<String> workloads,
                            Map<String, String> suiteWorkloads) {
    }

    /**
     * One shard a merged directory was made from.
     *
     * @param index     I of I/N
     * @param count     N
     * @param runId     the shard's own run id (its directory's name)
     * @param host      the machine (or pod) that ran it
     * @param cpuModel  its CPU model
     * @param cpus      its CPU count
     * @param startedAt when the shard started
     * @param status    the shard's summary.json status
     * @param workloads the workloads it measured
     */
    public record MergedShard(int index, int count, String runId, String host, String cpuModel, int cpus,
                              String startedAt, String status, List<String> workloads) {
    }
}
