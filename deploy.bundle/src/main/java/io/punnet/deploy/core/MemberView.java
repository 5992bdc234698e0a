package io.punnet.deploy.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the deploy logic needs of one member: its name, whether it takes part in the cluster, its
 * tags, its rollout reports and its desired-state entries (both already decoded from gossip).
 *
 * @param name    the node name
 * @param live    ALIVE or SUSPECT
 * @param tags    its tags
 * @param reports its rollout reports
 * @param desired the desired-state entries it gossips (not yet verified)
 */
public record MemberView(String name, boolean live, Set<String> tags, List<NodeReport> reports,
        List<DesiredEntry> desired) {

    public MemberView {
        Objects.requireNonNull(name, "name");
        tags = Set.copyOf(tags);
        reports = List.copyOf(reports);
        desired = List.copyOf(desired);
    }

    /** Its report on a rollout, if any. */
    public NodeReport reportOn(long rolloutId) {
        for (NodeReport r : reports) {
            if (r.rolloutId() == rolloutId) {
                return r;
            }
        }
        return null;
    }
}
