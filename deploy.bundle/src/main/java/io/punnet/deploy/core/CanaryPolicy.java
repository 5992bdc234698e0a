package io.punnet.deploy.core;

import java.util.List;
import java.util.Optional;

import io.punnet.deploy.api.NodeState;

/**
 * The canary of a rollout: one targeted node updated first. This node when it is targeted (it
 * already holds the jar, so the canary answers soonest), else the first live targeted member by
 * name. Any node may promote the rollout once the canary reports ACTIVE for the canary entry: the
 * promotions are identical but for their version, so concurrent ones converge to the same state.
 */
public final class CanaryPolicy {

    private CanaryPolicy() {
    }

    /** The canary node for this target, or empty when no live member is targeted. */
    public static Optional<String> choose(Target target, String localNode, List<MemberView> members) {
        for (MemberView m : members) {
            if (m.name().equals(localNode) && target.matches(m.name(), m.tags())) {
                return Optional.of(localNode);
            }
        }
        return members.stream().filter(MemberView::live).filter(m -> target.matches(m.name(), m.tags()))
                .map(MemberView::name).sorted().findFirst();
    }

    /** Whether a canary entry may be promoted to all its targets now. */
    public static boolean readyToPromote(DesiredEntry entry, List<MemberView> members) {
        if (!entry.inCanaryPhase()) {
            return false;
        }
        for (MemberView m : members) {
            if (m.name().equals(entry.canaryNode())) {
                NodeReport r = m.reportOn(entry.rolloutId());
                return r != null && r.entryVersion() == entry.version() && r.state() == NodeState.ACTIVE;
            }
        }
        return false;
    }
}
