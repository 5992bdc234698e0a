package io.punnet.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;

/**
 * Membership changes: a 50/50 partition heals within 10 s; a restarted node (new generation, new
 * address) is ALIVE everywhere within 5 s; an isolated node rejoins; a graceful leave is LEFT
 * everywhere at once and reaped later.
 */
class MembershipTest {

    private static final long SECOND = GossipSettings.SECOND;

    @Test
    void partitionOfSixtySecondsHealsWithinTenSeconds() {
        Seeds.forEach("MembershipTest#partitionOfSixtySecondsHealsWithinTenSeconds", 4, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(20).build().start();
            sim.runSeconds(40);
            List<Integer> half = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                half.add(i * 2);
            }
            sim.partition(half);
            sim.runSeconds(60);
            assertTrue(sim.everyRunningNodeSeesAcross(half, MemberStatus.DEAD), "the halves did not convict each other");
            sim.heal();
            long took = sim.runUntil(sim::allRunningAgree, SECOND / 10, 30 * SECOND);
            System.out.printf("partition heal seed=%d: %.1f s%n", seed, took / 1e9);
            assertTrue(took >= 0 && took <= 10 * SECOND, "healed after " + took / 1e9 + " s");
        });
    }

    @Test
    void restartedNodeIsAliveEverywhereWithItsNewGenerationWithinFiveSeconds() {
        Seeds.forEach("MembershipTest#restartedNodeIsAliveEverywhereWithItsNewGenerationWithinFiveSeconds", 5, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(20).build().start();
            sim.runSeconds(40);
            int victim = 3 + (int) (seed % 15);
            long oldGeneration = sim.node(victim).gossip().generation();
            sim.crash(victim);
            sim.runSeconds(15);
            sim.restart(victim, seed % 2 == 0);
            assertTrue(sim.node(victim).gossip().generation() > oldGeneration);
            long took = sim.runUntil(sim::allRunningAgree, SECOND / 10, 30 * SECOND);
            System.out.printf("restart after conviction seed=%d: seen everywhere in %.1f s%n", seed, took / 1e9);
            assertTrue(took >= 0 && took <= 5 * SECOND, "restart seen everywhere after " + took / 1e9 + " s");
        });
    }

    @Test
    void restartWithoutConvictionSupersedesTheOldGenerationAtOnce() {
        Seeds.forEach("MembershipTest#restartWithoutConvictionSupersedesTheOldGenerationAtOnce", 5, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(20).build().start();
            sim.runSeconds(40);
            int victim = 3 + (int) (seed % 15);
            sim.restart(victim, true);
            long took = sim.runUntil(sim::allRunningAgree, SECOND / 10, 30 * SECOND);
            assertTrue(took >= 0 && took <= 5 * SECOND, "restart seen everywhere after " + took / 1e9 + " s");
        });
    }

    @Test
    void isolatedNodeRejoins() {
        Seeds.forEach("MembershipTest#isolatedNodeRejoins", 4, seed -> {
            Simulation sim = Simulation.builder().seed(seed).nodes(10).build().start();
            sim.runSeconds(30);
            int lonely = (int) (seed % 10);
            sim.partition(List.of(lonely));
            sim.runSeconds(90);
            assertTrue(sim.everyRunningNodeSeesAcross(List.of(lonely), MemberStatus.DEAD), "isolation not noticed");
            sim.heal();
            long took = sim.runUntil(sim::allRunningAgree, SECOND / 10, 60 * SECOND);
            System.out.printf("isolated node rejoined seed=%d: %.1f s%n", seed, took / 1e9);
            assertTrue(took >= 0, "the isolated node never rejoined");
        });
    }

    @Test
    void isolatedNodeRejoinsEvenAfterBeingReaped() {
        Seeds.forEach("MembershipTest#isolatedNodeRejoinsEvenAfterBeingReaped", 3, seed -> {
            GossipSettings fastReap = GossipSettings.defaults().withReapDelayNanos(30 * SECOND);
            Simulation sim = Simulation.builder().seed(seed).nodes(10).settings(fastReap).build().start();
            sim.runSeconds(30);
            int lonely = 5 + (int) (seed % 5);
            sim.partition(List.of(lonely));
            sim.runSeconds(120);
            assertEquals(1, sim.node(lonely).gossip().size(), "the isolated node did not reap the others");
            sim.heal();
            long took = sim.runUntil(sim::allRunningAgree, SECOND / 10, 120 * SECOND);
            assertTrue(took >= 0, "the isolated node never rejoined");
        });
    }

    @Test
    void gracefulLeaveIsLeftEverywhereAtOnceAndReapedLater() {
        Seeds.forEach("MembershipTest#gracefulLeaveIsLeftEverywhereAtOnceAndReapedLater", 3, seed -> {
            GossipSettings fastReap = GossipSettings.defaults().withReapDelayNanos(60 * SECOND);
            Simulation sim = Simulation.builder().seed(seed).nodes(20).settings(fastReap).build().start();
            sim.runSeconds(40);
            int leaver = (int) (seed % 20);
            sim.node(leaver).gossip().leave();
            long took = sim.runUntil(() -> sim.everyRunningNodeSees(leaver, MemberStatus.LEFT), SECOND / 100,
                    20 * SECOND);
            assertTrue(took >= 0 && took <= SECOND, "LEFT seen everywhere after " + took / 1e9 + " s");
            sim.runSeconds(90);
            String name = sim.node(leaver).name();
            for (SimNode n : sim.nodes()) {
                if (n.isRunning() && n != sim.node(leaver)) {
                    assertEquals(null, n.gossip().statusOf(name), n.name() + " did not reap " + name);
                }
            }
        });
    }
}
