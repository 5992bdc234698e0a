package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.List;

import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.deploy.api.RolloutStatus.Phase;

/**
 * The status of one rollout, from its desired entry and what the members report. The targeted nodes
 * are the live members the target matches, plus any member that reported on this rollout (a node
 * that went down after it reported still shows). A targeted node that has not reported is PENDING.
 *
 * <p>Phase: CANARY while the entry is in its canary phase, or STOPPED when the canary failed; then
 * IN_PROGRESS until every targeted node reached a final state (and while no node is targeted yet: a
 * {@code tag:} or {@code node:} target may match nodes that join later), and SUCCEEDED if all are ACTIVE,
 * FAILED otherwise. SUPERSEDED when a later rollout of the same symbolic name replaced it.
 */
public final class RolloutView {

    private RolloutView() {
    }

    public static RolloutStatus of(DesiredEntry entry, List<MemberView> members, boolean superseded) {
        List<NodeProgress> nodes = new ArrayList<>();
        boolean allFinal = true;
        boolean anyFailure = false;
        boolean canaryFailed = false;
        for (MemberView m : members) {
            NodeReport report = m.reportOn(entry.rolloutId());
            boolean targeted = entry.target().matches(m.name(), m.tags());
            if (report == null && (!targeted || !m.live())) {
                continue;
            }
            NodeState state = report == null ? NodeState.PENDING : report.state();
            nodes.add(new NodeProgress(m.name(), state, report == null ? "" : report.reason()));
            allFinal &= state.isFinal();
            anyFailure |= state.isFailure();
            canaryFailed |= m.name().equals(entry.canaryNode()) && state.isFailure();
        }
        nodes.sort((a, b) -> a.node().compareTo(b.node()));
        Phase phase;
        if (superseded) {
            phase = Phase.SUPERSEDED;
        } else if (entry.inCanaryPhase()) {
            phase = canaryFailed ? Phase.STOPPED : Phase.CANARY;
        } else if (!allFinal || nodes.isEmpty()) {
            phase = Phase.IN_PROGRESS;
        } else {
            phase = anyFailure ? Phase.FAILED : Phase.SUCCEEDED;
        }
        return new RolloutStatus(entry.rolloutName(), entry.symbolicName(), entry.bundleVersion(), entry.sha256(),
                entry.target().toString(), phase, entry.canaryNode(), nodes);
    }
}
