package io.punnet.deploy.core;

import static io.punnet.deploy.core.Entries.SHA;
import static io.punnet.deploy.core.Entries.SHA2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.deploy.core.LocalPlan.Action;
import io.punnet.deploy.core.LocalPlan.Running;

/** What a node decides about an entry, the canary, and the rollout status built from reports. */
class PlanAndViewTest {

    private static DesiredEntry entry(String target, String canary, boolean force) {
        return new DesiredEntry(10, 10, "io.example.hello", "2.0.0", SHA, Target.parse(target), canary, force, false, "");
    }

    private static Action decide(DesiredEntry e, String node, Running running, NodeReport last) {
        return LocalPlan.decide(e, node, Set.of("kitchen"), running, last).action();
    }

    @Test
    void aTargetedNodeAppliesAndOthersDoNothing() {
        assertEquals(Action.APPLY, decide(entry("all", "", false), "pi-1", null, null));
        assertEquals(Action.APPLY, decide(entry("tag:kitchen", "", false), "pi-1", null, null));
        assertEquals(Action.NOTHING, decide(entry("tag:garage", "", false), "pi-1", null, null));
        assertEquals(Action.NOTHING, decide(entry("node:pi-2", "", false), "pi-1", null, null));
    }

    @Test
    void duringTheCanaryPhaseOnlyTheCanaryApplies() {
        assertEquals(Action.APPLY, decide(entry("all", "pi-1", false), "pi-1", null, null));
        assertEquals(Action.NOTHING, decide(entry("all", "pi-1", false), "pi-2", null, null));
    }

    @Test
    void theSameJarIsReportedActiveWithoutTouchingIt() {
        assertEquals(Action.REPORT_ACTIVE, decide(entry("all", "", false), "pi-1", new Running(OsgiVersion.parse("2.0.0"), SHA), null));
    }

    @Test
    void aNewerRunningVersionIsNotDowngradedWithoutForce() {
        Running newer = new Running(OsgiVersion.parse("3.0.0"), SHA2);
        LocalPlan.Decision d = LocalPlan.decide(entry("all", "", false), "pi-1", Set.of(), newer, null);
        assertEquals(Action.REFUSE, d.action());
        assertTrue(d.reason().contains("3.0.0"));
        assertEquals(Action.APPLY, decide(entry("all", "", true), "pi-1", newer, null));
        assertEquals(Action.APPLY, decide(entry("all", "", false), "pi-1", new Running(OsgiVersion.parse("1.0.0"), SHA2), null));
    }

    @Test
    void aRolloutThatFailedHereIsNotRetriedButANewOneIs() {
        NodeReport failed = new NodeReport(10, 10, "io.example.hello", NodeState.ROLLED_BACK, "boom");
        assertEquals(Action.NOTHING, decide(entry("all", "", false), "pi-1", null, failed));
        NodeReport otherRollout = new NodeReport(5, 5, "io.example.hello", NodeState.ROLLED_BACK, "boom");
        assertEquals(Action.APPLY, decide(entry("all", "", false), "pi-1", null, otherRollout));
        NodeReport wasActive = new NodeReport(10, 10, "io.example.hello", NodeState.ACTIVE, "");
        assertEquals(Action.APPLY, decide(entry("all", "", false), "pi-1", new Running(OsgiVersion.parse("1.0"), SHA2), wasActive),
                "after a restart from the distribution's jars, the desired jar is applied again");
    }

    @Test
    void gossipIsNotTouchedWithoutPermission() {
        DesiredEntry gossip = new DesiredEntry(10, 10, "io.punnet.gossip", "2.0.0", SHA, Target.all(), "", false, false, "");
        assertEquals(Action.REFUSE, decide(gossip, "pi-1", null, null));
    }

    private static MemberView member(String name, boolean live, NodeReport... reports) {
        return new MemberView(name, live, Set.of(), List.of(reports), List.of());
    }

    private static NodeReport report(DesiredEntry e, NodeState state) {
        return new NodeReport(e.rolloutId(), e.version(), e.symbolicName(), state, state.isFailure() ? "boom" : "");
    }

    @Test
    void theCanaryIsThisNodeWhenTargetedElseTheFirstLiveTargetedByName() {
        List<MemberView> members = List.of(member("pi-3", true), member("pi-2", true), member("pi-1", false));
        assertEquals(Optional.of("pi-3"), CanaryPolicy.choose(Target.all(), "pi-3", members));
        assertEquals(Optional.of("pi-2"), CanaryPolicy.choose(Target.parse("node:pi-1,pi-2"), "pi-3", members));
        assertEquals(Optional.empty(), CanaryPolicy.choose(Target.parse("node:pi-9"), "pi-3", members));
    }

    @Test
    void aCanaryIsPromotedOnlyWhenItReportsActiveForTheCanaryEntry() {
        DesiredEntry e = entry("all", "pi-1", false);
        assertFalse(CanaryPolicy.readyToPromote(e, List.of(member("pi-1", true, report(e, NodeState.INSTALLED)))));
        assertFalse(CanaryPolicy.readyToPromote(e, List.of(member("pi-1", true, report(e, NodeState.ROLLED_BACK)))));
        assertTrue(CanaryPolicy.readyToPromote(e, List.of(member("pi-1", true, report(e, NodeState.ACTIVE)))));
        DesiredEntry promoted = e.promoted(11);
        assertFalse(CanaryPolicy.readyToPromote(promoted, List.of(member("pi-1", true, report(e, NodeState.ACTIVE)))));
        assertEquals(10, promoted.rolloutId());
        assertEquals("", promoted.canaryNode());
    }

    @Test
    void statusListsTargetedNodesPendingUntilTheyReport() {
        DesiredEntry e = entry("all", "", false);
        RolloutStatus s = RolloutView.of(e, List.of(member("pi-2", true), member("pi-1", true, report(e, NodeState.ACTIVE)),
                member("pi-9", false)), false);
        assertEquals(RolloutStatus.Phase.IN_PROGRESS, s.phase());
        assertEquals(List.of(new NodeProgress("pi-1", NodeState.ACTIVE, ""), new NodeProgress("pi-2", NodeState.PENDING, "")),
                s.nodes());
        assertEquals("a", s.id());
    }

    @Test
    void phasesFollowTheReports() {
        DesiredEntry e = entry("all", "", false);
        assertEquals(RolloutStatus.Phase.SUCCEEDED, RolloutView.of(e, List.of(member("a", true, report(e, NodeState.ACTIVE))), false).phase());
        assertEquals(RolloutStatus.Phase.FAILED, RolloutView.of(e, List.of(member("a", true, report(e, NodeState.ACTIVE)),
                member("b", true, report(e, NodeState.ROLLED_BACK))), false).phase());
        DesiredEntry canary = entry("all", "a", false);
        assertEquals(RolloutStatus.Phase.CANARY, RolloutView.of(canary, List.of(member("a", true), member("b", true)), false).phase());
        assertEquals(RolloutStatus.Phase.STOPPED, RolloutView.of(canary, List.of(member("a", true, report(canary, NodeState.ROLLED_BACK)),
                member("b", true)), false).phase());
        assertEquals(RolloutStatus.Phase.SUPERSEDED, RolloutView.of(e, List.of(), true).phase());
        assertEquals(RolloutStatus.Phase.IN_PROGRESS,
                RolloutView.of(entry("tag:garage", "", false), List.of(member("a", true)), false).phase(),
                "no node targeted yet is not success");
    }
}
