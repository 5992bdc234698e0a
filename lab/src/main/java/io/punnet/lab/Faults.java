package io.punnet.lab;

import java.util.Set;
import java.util.TreeSet;

/**
 * The faults injected at one node, rendered as its nftables input chain: packets that arrive on
 * its {@code eth0} from blocked addresses are dropped (partitions, one-way links), and a share of
 * the rest is dropped at random (loss). The observer's address is never dropped, so the lab keeps
 * seeing every node whatever the scenario does to the cluster.
 *
 * @param lossPercent   0..100, the share of incoming packets dropped
 * @param blockedFrom   the addresses whose packets are dropped
 */
public record Faults(int lossPercent, Set<String> blockedFrom) {

    public Faults {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("loss " + lossPercent + " % is outside 0..100");
        }
        blockedFrom = Set.copyOf(new TreeSet<>(blockedFrom));
    }

    /** No fault. */
    public static Faults none() {
        return new Faults(0, Set.of());
    }

    public Faults withLoss(int percent) {
        return new Faults(percent, blockedFrom);
    }

    public Faults withBlocked(Set<String> addresses) {
        return new Faults(lossPercent, addresses);
    }

    /**
     * The nft script that replaces the input chain of table {@code inet lab} with these faults (one
     * atomic transaction: no packet sees half a rule set).
     */
    String inputChainScript(String observerAddress) {
        StringBuilder s = new StringBuilder();
        s.append("flush chain inet lab input\n");
        s.append("add rule inet lab input iifname \"eth0\" ip saddr ").append(observerAddress).append(" accept\n");
        if (!blockedFrom.isEmpty()) {
            s.append("add rule inet lab input iifname \"eth0\" ip saddr { ")
                    .append(String.join(", ", new TreeSet<>(blockedFrom))).append(" } counter drop\n");
        }
        if (lossPercent > 0) {
            s.append("add rule inet lab input iifname \"eth0\" numgen random mod 100 < ").append(lossPercent)
                    .append(" counter drop\n");
        }
        return s.toString();
    }
}
