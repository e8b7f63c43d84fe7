package org.pairbench.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Enforces the rule that load goes to loopback only: 127.0.0.0/8 or ::1, never another address, private ranges
 * included. Called when a spec is loaded and again by every driver before it connects, so a target address that
 * slipped past one check is still refused. The rule itself is {@link TargetHosts#loopbackOnly()}'s (which also
 * knows the one remote host a user may allow). Stateless.
 */
public final class LoopbackGuard {
    private LoopbackGuard() {
    }

    /** Resolves a host written in a spec and refuses it unless every address it names is loopback. */
    public static InetAddress requireLoopback(String host) {
        return TargetHosts.loopbackOnly().require(host);
    }

    public static void requireLoopback(InetAddress address) {
        TargetHosts.loopbackOnly().require(address);
    }

    public static InetSocketAddress requireLoopback(InetSocketAddress address) {
        return TargetHosts.loopbackOnly().require(address);
    }
}
