package io.punnet.gossip.core;

import static io.punnet.gossip.core.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.model.GossipDigest;

class MemberTableTest {

    private final MemberTable table = new MemberTable(state("a", 1, 100, 0), 0);

    @Test
    void newMemberIsAddedAlive() {
        MergeResult r = table.merge(state("b", 2, 200, 5, "k", "v", 1), 0, 10);
        assertEquals(MergeResult.Kind.NEW, r.kind());
        assertEquals(MemberStatus.ALIVE, table.get("b").status());
        assertEquals(List.of("k"), r.changedKeys());
        assertEquals(1, table.livePeers().size());
    }

    @Test
    void higherGenerationReplacesTheWholeState() {
        table.merge(state("b", 2, 200, 50, "k", "old", 7), 0, 10);
        MergeResult r = table.merge(state("b", 3, 300, 1), 0, 20);
        assertEquals(MergeResult.Kind.RESTARTED, r.kind());
        assertEquals(300, table.get("b").generation());
        assertNull(table.get("b").state().value("k"), "values of the old generation must go");
        assertEquals(Fixtures.endpoint(3), table.get("b").state().endpoint());
    }

    @Test
    void olderGenerationIsStale() {
        table.merge(state("b", 2, 200, 5), 0, 10);
        assertEquals(MergeResult.Kind.STALE, table.merge(state("b", 2, 199, 500), 0, 20).kind());
        assertEquals(5, table.get("b").heartbeat());
    }

    @Test
    void sameGenerationTakesNewerHeartbeatAndNewerValuesOnly() {
        table.merge(state("b", 2, 200, 5, "x", "1", 1, "y", "2", 2), 0, 10);
        MergeResult r = table.merge(state("b", 2, 200, 4, "x", "old", 1, "y", "new", 3), 0, 20);
        assertFalse(r.heartbeatNewer());
        assertEquals(List.of("y"), r.changedKeys());
        assertEquals("1", table.get("b").state().value("x"));
        assertEquals("new", table.get("b").state().value("y"));
        assertEquals(5, table.get("b").heartbeat());
        assertEquals(3, table.get("b").stateVersion());
    }

    @Test
    void rumorValuesThatWouldLeaveAHoleAreNotTaken() {
        table.merge(state("b", 2, 200, 5, "x", "1", 1), 0, 10);
        // values after version 2, but this node holds only up to 1: version 2 would be missing
        MergeResult r = table.merge(state("b", 2, 200, 6, "z", "3", 3), 2, 20);
        assertTrue(r.heartbeatNewer());
        assertTrue(r.changedKeys().isEmpty());
        assertNull(table.get("b").state().value("z"));
        MergeResult ok = table.merge(state("b", 2, 200, 6, "z", "3", 3), 1, 20);
        assertEquals(List.of("z"), ok.changedKeys());
    }

    @Test
    void digestCarriesAHeartbeatWithinTheGeneration() {
        table.merge(state("b", 2, 200, 5), 0, 10);
        assertTrue(table.learnHeartbeat(new GossipDigest("b", 200, 9, 0), 30).heartbeatNewer());
        assertEquals(9, table.get("b").heartbeat());
        assertEquals(30, table.get("b").lastHeardNanos());
        assertEquals(MergeResult.Kind.STALE, table.learnHeartbeat(new GossipDigest("b", 201, 1, 0), 40).kind());
        assertEquals(MergeResult.Kind.STALE, table.learnHeartbeat(new GossipDigest("zz", 1, 1, 0), 40).kind());
        assertEquals(MergeResult.Kind.SELF, table.learnHeartbeat(new GossipDigest("a", 100, 1, 0), 40).kind());
    }

    @Test
    void stateAboutThisNodeIsIgnored() {
        assertEquals(MergeResult.Kind.SELF, table.merge(state("a", 9, 999, 9), 0, 10).kind());
    }

    @Test
    void leaveAnnouncementMakesMemberLeft() {
        table.merge(state("b", 2, 200, 5, MemberTable.STATUS_KEY, MemberTable.LEFT_VALUE, 1), 0, 10);
        assertEquals(MemberStatus.LEFT, table.get("b").status());
    }

    @Test
    void reapedMemberIsQuarantinedUntilItShowsANewerHeartbeat() {
        table.merge(state("b", 2, 200, 5), 0, 10);
        table.setStatus(table.get("b"), MemberStatus.DEAD, 10);
        assertEquals(1, table.deadPeers().size());
        assertTrue(table.reap(100, 1_000).isEmpty());
        assertEquals(1, table.reap(1_010, 1_000).size());
        assertNull(table.get("b"));
        assertEquals(MergeResult.Kind.QUARANTINED, table.merge(state("b", 2, 200, 5), 0, 1_020).kind());
        assertEquals(MergeResult.Kind.NEW, table.merge(state("b", 2, 200, 6), 0, 1_030).kind());
    }

    @Test
    void publishedSuspectsAreIndexedOnTheirTargets() {
        table.merge(state("b", 2, 200, 5), 0, 10);
        table.merge(state("c", 3, 300, 5, MemberTable.SUSPECTS_KEY, "b,x", 1), 0, 20);
        assertEquals(20L, table.suspectedBy("b").get("c"));
        table.merge(state("c", 3, 300, 6, MemberTable.SUSPECTS_KEY, "", 2), 0, 30);
        assertTrue(table.suspectedBy("b").isEmpty());
        // a member learned after the list names it is covered too
        table.merge(state("c", 3, 300, 7, MemberTable.SUSPECTS_KEY, "d", 3), 0, 40);
        table.merge(state("d", 4, 400, 1), 0, 50);
        assertEquals(40L, table.suspectedBy("d").get("c"), "since the list named it");
    }
}
