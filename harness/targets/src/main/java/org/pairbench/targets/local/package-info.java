/**
 * The {@code local} target runtime: Python services as child processes of the harness, in a cached virtual
 * environment built from {@code python-targets/requirements.lock}, pinned to the target CPUs with
 * {@code taskset}, measured through {@code /proc}. Entry point:
 * {@link org.pairbench.targets.local.LocalProcessRuntime}.
 */
package org.pairbench.targets.local;
