package io.punnet.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;

/**
 * The same protocol with every datagram and stream message encoded and decoded by the real wire
 * codec (which refuses a datagram over the budget): membership, a value and a crash verdict still
 * reach everybody.
 */
class CodecModeTest {

    @Test
    void protocolWorksThroughTheWireCodec() {
        Seeds.forEach("CodecModeTest#protocolWorksThroughTheWireCodec", 3, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(12).codec(true).build().start();
            sim.runSeconds(30);
            assertTrue(sim.allRunningAgree(), "membership did not converge");
            sim.node(0).gossip().setApplicationState("http", "10.0.0.1:8080");
            long took = sim.runUntil(() -> sim.nodes().stream().allMatch(n -> "10.0.0.1:8080"
                    .equals(n.gossip().stateOf(sim.node(0).name()).value("http"))), GossipSettings.SECOND / 10,
                    20 * GossipSettings.SECOND);
            assertTrue(took >= 0, "value did not spread");
            sim.crash(5);
            assertTrue(sim.runUntil(() -> sim.everyRunningNodeSees(5, MemberStatus.DEAD), GossipSettings.SECOND / 10,
                    30 * GossipSettings.SECOND) >= 0, "crash not convicted");
        });
    }
}
