package io.punnet.deploy.core;

import java.util.Set;

/**
 * What this node does about one desired-state entry. Pure; the agent acts on the answer.
 *
 * <ul>
 * <li>not targeted, or the canary phase is for another node: nothing;</li>
 * <li>this rollout already failed here (a report that survives restarts says so): nothing, so a
 *     broken jar is not retried in a loop; a new submission is a new rollout and is tried;</li>
 * <li>the node already runs the jar (same digest): report ACTIVE;</li>
 * <li>the node runs a newer version and the entry is not forced: refuse, leaving the bundle alone;</li>
 * <li>the entry would touch gossip without permission: refuse;</li>
 * <li>otherwise: apply.</li>
 * </ul>
 */
public final class LocalPlan {

    /** The decision. */
    public enum Action { NOTHING, REPORT_ACTIVE, REFUSE, APPLY }

    /** The decision and, for REFUSE, the reason. */
    public record Decision(Action action, String reason) {
    }

    /**
     * What runs here now under the entry's symbolic name.
     *
     * @param version the version running
     * @param sha256  its jar's digest, or null when unknown
     */
    public record Running(OsgiVersion version, String sha256) {
    }

    private LocalPlan() {
    }

    /**
     * @param entry     the desired entry
     * @param node      this node's name
     * @param tags      this node's tags
     * @param running   what runs here under the same name, or null
     * @param lastReport this node's latest report for the same symbolic name, or null
     */
    public static Decision decide(DesiredEntry entry, String node, Set<String> tags, Running running,
            NodeReport lastReport) {
        if (!entry.target().matches(node, tags) || entry.inCanaryPhase() && !entry.canaryNode().equals(node)) {
            return new Decision(Action.NOTHING, "");
        }
        if (lastReport != null && lastReport.rolloutId() == entry.rolloutId() && lastReport.state().isFailure()) {
            return new Decision(Action.NOTHING, "");
        }
        if (running != null && entry.sha256().equals(running.sha256())) {
            return new Decision(Action.REPORT_ACTIVE, "");
        }
        if (entry.symbolicName().equals(ManifestRules.GOSSIP) && !entry.allowGossip()) {
            return new Decision(Action.REFUSE, "the entry would update the gossip bundle without permission");
        }
        if (running != null && !entry.force() && running.version().compareTo(OsgiVersion.parse(entry.bundleVersion())) > 0) {
            return new Decision(Action.REFUSE, "this node runs " + running.version() + ", newer than "
                    + entry.bundleVersion() + " (submit with force to downgrade)");
        }
        return new Decision(Action.APPLY, "");
    }
}
