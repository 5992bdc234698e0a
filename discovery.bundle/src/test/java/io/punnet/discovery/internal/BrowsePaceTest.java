package io.punnet.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.discovery.core.InterfaceFacts;
import io.punnet.gossip.api.MemberStatus;

/**
 * The browse pace follows what gossip knows: a query at every check while no other member is live,
 * none for the joined interval once one is, and at once again when the last peer is gone.
 * (The schedule itself is tested on virtual time in BrowseScheduleTest; this is the wiring.)
 */
class BrowsePaceTest {

    private final FakeCluster cluster = new FakeCluster("lab", "n1", 7950);

    @Test
    void aloneMeansNoOtherLiveMember() {
        assertTrue(DiscoveryComponent.alone(cluster));
        cluster.peers(FakeCluster.peer("n2", MemberStatus.DEAD), FakeCluster.peer("n3", MemberStatus.LEFT));
        assertTrue(DiscoveryComponent.alone(cluster));
        cluster.peers(FakeCluster.peer("n2", MemberStatus.DEAD), FakeCluster.peer("n3", MemberStatus.SUSPECT));
        assertFalse(DiscoveryComponent.alone(cluster));
        cluster.peers(FakeCluster.peer("n2", MemberStatus.ALIVE));
        assertFalse(DiscoveryComponent.alone(cluster));
        // gossip stopping: better one query too many than a merge missed
        cluster.failing(true);
        assertTrue(DiscoveryComponent.alone(cluster));
    }

    @Test
    void aJoinedNodeStopsBrowsingAndALoneOneStartsAgain() throws Exception {
        FakeResponders responders = new FakeResponders();
        InterfaceFacts eth0 = new InterfaceFacts("eth0", true, false, true, List.of("10.9.0.1"));
        DiscoveryComponent c = new DiscoveryComponent(cluster, k -> null,
                Configs.discovery(Map.of("interfacePollIntervalInMs", 500L, "browseIntervalInMs", 1_000L,
                        "joinedBrowseIntervalInMs", 3_600_000L)),
                () -> List.of(eth0), responders);
        try {
            Eventually.within(5_000, "a lone node browses", () -> responders.browses.get() >= 1);
            cluster.peers(FakeCluster.peer("n2", MemberStatus.ALIVE));
            // checks run one at a time: once check k+1 has asked, check k (perhaps begun before the
            // peer came) is over, and every later one sees the peer
            int asked = cluster.membersCalls();
            Eventually.within(5_000, "a check after the join", () -> cluster.membersCalls() >= asked + 1);
            int browsed = responders.browses.get();
            Eventually.within(5_000, "two more checks", () -> cluster.membersCalls() >= asked + 3);
            assertEquals(browsed, responders.browses.get(), "a joined node browsed at its next checks");
            cluster.peers();
            Eventually.within(5_000, "a node alone again browses", () -> responders.browses.get() > browsed);
        } finally {
            c.deactivate();
        }
        assertTrue(c.runtime().awaitClosed(5_000));
    }
}
