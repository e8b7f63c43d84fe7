package org.pairbench.targets.local;

import java.util.List;
import java.util.stream.Collectors;
import org.pairbench.core.result.PortRetry;
import org.pairbench.targets.TargetException;

/**
 * A target that became "ready" only because a foreign process listens on its port (it took the port between the
 * free-port check and the target's bind): the local runtime starts the target again on another port, up to
 * {@link LocalProcessRuntime#PORT_RETRIES} times, and fails the variant with {@link #afterRetries} when every port
 * it tried was taken so. Immutable.
 */
final class ForeignListener extends TargetException {
    private final Long holderPid;

    /** @param holderPid the foreign process, or null when it is not this user's and cannot be read */
    ForeignListener(String label, int port, Long holderPid, List<String> logTail) {
        super(label + ": port " + port + " is held by another process ("
                + (holderPid != null ? "pid " + holderPid : "pid unknown: not this user's") + "), not by the target",
                null, logTail, null);
        this.holderPid = holderPid;
    }

    Long holderPid() {
        return holderPid;
    }

    /** The variant's failure once the retries met foreign listeners too: every port tried, the last one's holder. */
    TargetException afterRetries(List<PortRetry> retries) {
        String earlier = retries.stream().map(r -> r.port() + (r.holderPid() != null ? " (pid " + r.holderPid() + ")"
                : " (pid unknown)")).collect(Collectors.joining(", "));
        return new TargetException(getMessage() + "; so were the " + retries.size() + " ports tried before it: "
                + earlier, null, logTail(), this);
    }
}
