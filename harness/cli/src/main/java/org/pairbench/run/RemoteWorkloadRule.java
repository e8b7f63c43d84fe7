package org.pairbench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.Workload;

/**
 * Which workloads cannot run with their targets on another machine, and why: each needs something the harness
 * runs or reaches on this machine. Consulted when a run names a remote engine, so that the refusal says, before
 * anything starts, what of this run a remote engine could not take even once the docker runtime can place targets
 * there. Stateless; any thread.
 */
final class RemoteWorkloadRule {
    private RemoteWorkloadRule() {
    }

    /** Why {@code workload}'s targets cannot run on {@code host}; empty when nothing ties them to this machine. */
    static Optional<String> refusal(Workload workload, String host) {
        if (workload.upstream()) {
            return Optional.of("its variants call an upstream server the harness runs on this machine's loopback, "
                    + "which targets on " + host + " cannot reach");
        }
        if (workload.database() != null) {
            return Optional.of("its " + workload.database() + " server would run on " + host + ", where the harness "
                    + "checks its readiness on 127.0.0.1 of this machine");
        }
        List<String> commands = workload.variants().values().stream()
                .filter(v -> v.launch() instanceof TargetLaunch.Command).map(v -> v.name()).toList();
        if (!commands.isEmpty()) {
            return Optional.of(String.join(", ", commands) + (commands.size() == 1 ? " is a command variant" : " are "
                    + "command variants") + ", run as a local process on this machine: its pair would be measured on"
                    + " two machines");
        }
        return Optional.empty();
    }

    /** The refused workloads of a run, in its order, each with its reason. */
    static Map<String, String> refusals(List<Workload> workloads, String host) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Workload w : workloads) {
            refusal(w, host).ifPresent(reason -> out.put(w.name(), reason));
        }
        return out;
    }
}
