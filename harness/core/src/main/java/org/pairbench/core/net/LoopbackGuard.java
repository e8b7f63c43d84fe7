package org.pairbench.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Enforces the rule that load goes to loopback only: 127.0.0.0/8 or ::1, never another address, private ranges
 * included. Called when a spec is loaded and again by every driver before it connects, so a target address that
 * slipped past one check is still refused. Stateless.
 */
public final class LoopbackGuard {
    private LoopbackGuard() {
    }

    /** Resolves a host written in a spec and refuses it unless every address it names is loopback. */
    public static InetAddress requireLoopback(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' does not resolve; use 127.0.0.1");
        }
        for (InetAddress a : all) {
            requireLoopback(a);
        }
        return all[0];
    }

    public static void requireLoopback(InetAddress address) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("'" + address.getHostAddress()
                    + "' is not a loopback address: pairbench sends load only to 127.0.0.1 or ::1");
        }
    }

    public static InetSocketAddress requireLoopback(InetSocketAddress address) {
        if (address.isUnresolved()) {
            requireLoopback(address.getHostString());
            return new InetSocketAddress(requireLoopback(address.getHostString()), address.getPort());
        }
        requireLoopback(address.getAddress());
        return address;
    }
}
