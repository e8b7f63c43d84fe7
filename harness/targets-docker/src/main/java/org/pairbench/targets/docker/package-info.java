/**
 * The {@code docker} target runtime: every variant start is a container of the target image built from
 * {@code python-targets/Dockerfile} (Testcontainers, host networking, cpuset, memory limit, cgroup resource
 * figures, removal by label), and the image builder behind {@code ./pairbench images}, which needs no registry.
 * Entry points: {@link org.pairbench.targets.docker.DockerRuntime} and
 * {@link org.pairbench.targets.docker.ImageBuilder}.
 */
package org.pairbench.targets.docker;
