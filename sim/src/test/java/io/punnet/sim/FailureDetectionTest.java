package io.punnet.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;

/**
 * Crashes are convicted by every live node, never before the crash; healthy members are never
 * convicted, even with 20 % loss on every link for an hour; a paused node convicts nobody when it
 * resumes; one-way loss on one link convicts nobody.
 */
class FailureDetectionTest {

    private static final long SECOND = GossipSettings.SECOND;

    /** Every DEAD verdict any node reaches, with when and on whom. */
    static List<Observed> deaths(Simulation sim) {
        List<Observed> deaths = new ArrayList<>();
        sim.observe(o -> {
            if (o.event().type() == ClusterEvent.Type.STATUS_CHANGED
                    && o.event().member().status() == MemberStatus.DEAD) {
                deaths.add(o);
            }
        });
        return deaths;
    }

    @Test
    void crashedNodeIsConvictedByEveryLiveNodeAndNeverBefore() {
        Seeds.forEach("FailureDetectionTest#crashedNodeIsConvictedByEveryLiveNodeAndNeverBefore", 5, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(20).build();
            List<Observed> deaths = deaths(sim);
            sim.start();
            sim.runSeconds(40);
            int victim = (int) (seed * 13 % 20);
            sim.crash(victim);
            long crashedAt = sim.now();
            long took = sim.runUntil(() -> sim.everyRunningNodeSees(victim, MemberStatus.DEAD), SECOND / 10,
                    30 * SECOND);
            System.out.printf("crash convicted everywhere seed=%d: %.1f s%n", seed, took / 1e9);
            assertTrue(took >= 0, "not convicted everywhere within 30 s");
            for (Observed d : deaths) {
                assertEquals(sim.node(victim).name(), d.event().member().name(), "wrong conviction " + d);
                assertTrue(d.atNanos() > crashedAt, "convicted before the crash: " + d);
            }
        });
    }

    @Test
    void noFalseConvictionsWithTwentyPercentLossForAnHour() {
        Seeds.forEach("FailureDetectionTest#noFalseConvictionsWithTwentyPercentLossForAnHour", 2, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(50).link(LinkSpec.lan().withLoss(0.2)).build();
            List<Observed> deaths = deaths(sim);
            sim.start();
            sim.runSeconds(3600);
            assertTrue(deaths.isEmpty(), deaths.size() + " false convictions, first " + (deaths.isEmpty() ? ""
                    : deaths.get(0)));
            assertTrue(sim.allRunningAgree(), "not everybody alive everywhere");
        });
    }

    @Test
    void pausedNodeConvictsNobodyOnResume() {
        Seeds.forEach("FailureDetectionTest#pausedNodeConvictsNobodyOnResume", 5, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(20).build();
            List<Observed> deaths = deaths(sim);
            sim.start();
            sim.runSeconds(40);
            int paused = (int) (seed * 7 % 20);
            String name = sim.node(paused).name();
            sim.pause(paused, 10 * SECOND);
            sim.runSeconds(40);
            for (Observed d : deaths) {
                assertTrue(!d.observer().equals(name), "the paused node convicted " + d);
            }
            assertTrue(sim.allRunningAgree(), "cluster did not settle after the pause");
        });
    }

    @Test
    void oneWayLossConvictsNobody() {
        Seeds.forEach("FailureDetectionTest#oneWayLossConvictsNobody", 5, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(10).build();
            List<Observed> deaths = deaths(sim);
            sim.start();
            sim.runSeconds(30);
            String a = sim.node(1).name();
            String b = sim.node(2).name();
            sim.network().block(a, b, true);
            sim.runSeconds(120);
            assertTrue(deaths.isEmpty(), "convicted over a one-way link: " + deaths);
            assertTrue(sim.allRunningAgree(), "not everybody alive everywhere");
        });
    }
}
