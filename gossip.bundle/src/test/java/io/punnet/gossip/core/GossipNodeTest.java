package io.punnet.gossip.core;

import static io.punnet.gossip.core.Fixtures.SECOND;
import static io.punnet.gossip.core.Fixtures.endpoint;
import static io.punnet.gossip.core.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Rumor;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.GossipDigest;

class GossipNodeTest {

    private final Fixtures.Harness h = new Fixtures.Harness();

    private void join(String name, int address, long generation, long heartbeat, Object... values) {
        h.node.receive(endpoint(address), new PushPullResponse(List.of(state(name, address, generation, heartbeat,
                values))), 100);
    }

    @Test
    void applicationStateBoundsAreEnforcedWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.node.setApplicationState("gossip.x", "v"))
                .getMessage().contains("reserved"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.node.setApplicationState("Bad Key", "v"))
                .getMessage().contains("does not match"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> h.node.setApplicationState("k".repeat(Cluster.MAX_KEY_LENGTH + 1), "v")).getMessage()
                .contains("characters long"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> h.node.setApplicationState("k", "é".repeat(Cluster.MAX_VALUE_BYTES / 2 + 1))).getMessage()
                .contains("UTF-8 bytes"));
        assertThrows(IllegalArgumentException.class, () -> h.node.setApplicationState("k", null));
        String kilo = "x".repeat(1000);
        for (int i = 0; i < 16; i++) {
            h.node.setApplicationState("k" + i, kilo);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.node.setApplicationState("k16", kilo))
                .getMessage().contains("would grow"));
    }

    @Test
    void settingAValueBumpsTheStateVersionOnceAndRumorsIt() {
        join("b", 2, 200, 1);
        h.node.setApplicationState("http", "10.0.0.1:8080");
        h.node.setApplicationState("http", "10.0.0.1:8080");
        // version 1 is the node's own gossip.protocol announcement
        assertEquals(2, h.node.stateOf("a").stateVersion());
        List<Rumor> rumors = h.transport.sentOf(Rumor.class);
        assertTrue(rumors.stream().anyMatch(r -> r.kind() == RumorKind.STATE && "10.0.0.1:8080"
                .equals(r.subject().value("http")) && r.baseStateVersion() == 1));
        assertEquals(1, h.events.stream().filter(e -> e.type() == ClusterEvent.Type.STATE_CHANGED
                && "http".equals(e.key())).count());
    }

    @Test
    void aRoundBumpsTheHeartbeatAndOpensAnExchangeWithALivePeer() {
        join("b", 2, 200, 1);
        h.node.tick();
        assertEquals(1, h.node.local().heartbeat());
        Syn syn = h.transport.sentOf(Syn.class).get(0);
        assertEquals(endpoint(2), h.transport.sent.get(h.transport.sent.size() - 1).to());
        // b does not announce protocol 2, so it gets the named SYN; a's state version 1 is its announcement
        assertEquals(List.of(new GossipDigest("a", 100, 1, 1), new GossipDigest("b", 200, 1, 0)), syn.digests());
        assertFalse(syn.partial());
    }

    /**
     * The heartbeat version keeps pace with the clock: one per round, and after this node was
     * paused for ten rounds it jumps to where the clock says, so peers judging the next version's
     * due time find it on time again.
     */
    @Test
    void theHeartbeatVersionKeepsPaceWithTheClock() {
        long round = GossipSettings.defaults().roundIntervalNanos();
        h.node.tick();
        assertEquals(1, h.node.local().heartbeat());
        h.clock.advance(round);
        h.node.tick();
        assertEquals(2, h.node.local().heartbeat(), "one version per round");
        h.clock.advance(10 * round + round / 2);
        h.node.tick();
        assertEquals(12, h.node.local().heartbeat(), "ten rounds and a half later: version 12 by the clock");
        h.node.tick();
        assertEquals(13, h.node.local().heartbeat(), "a beat with no time passed still takes the next version");
    }

    @Test
    void synIsAnsweredWithDeltasAndRequestsAndAck2ClosesTheRound() {
        join("b", 2, 200, 5, "x", "1", 1);
        // c knows b with a newer heartbeat and more values, and does not know a
        h.node.receive(endpoint(3), new Syn(List.of(new GossipDigest("b", 200, 9, 2),
                new GossipDigest("c", 300, 4, 0)), false), 80);
        assertEquals(9, h.node.stateOf("b").heartbeat().version(), "heartbeat taken from the digest");
        Ack ack = h.transport.sentOf(Ack.class).get(0);
        assertTrue(ack.requests().contains(new GossipDigest("b", 200, 9, 1)), "asks for b's values after 1");
        assertTrue(ack.requests().contains(new GossipDigest("c", 0, 0, 0)), "asks for all of c");
        assertTrue(ack.deltas().stream().anyMatch(s -> s.name().equals("a")), "sends itself, unknown to c");

        Fixtures.Harness other = new Fixtures.Harness();
        other.node.receive(endpoint(3), new PushPullResponse(List.of(state("b", 2, 200, 9, "x", "1", 1, "y", "2",
                2))), 0);
        other.node.receive(endpoint(1), new Ack(List.of(new GossipDigest("b", 200, 9, 1)), List.of()), 0);
        Ack2 ack2 = other.transport.sentOf(Ack2.class).get(0);
        assertEquals(1, ack2.deltas().size());
        assertEquals(java.util.Set.of("y"), ack2.deltas().get(0).applicationState().keySet());
    }

    @Test
    void emptyAck2IsNotSent() {
        join("b", 2, 200, 5);
        h.node.receive(endpoint(2), new Ack(List.of(new GossipDigest("b", 200, 5, 0)), List.of()), 0);
        assertTrue(h.transport.sentOf(Ack2.class).isEmpty());
    }

    @Test
    void aDeathVerdictOnThisNodeIsRefutedWithANewerHeartbeat() {
        join("b", 2, 200, 5);
        long before = h.node.local().heartbeat();
        h.node.receive(endpoint(2), new Rumor(RumorKind.DEAD, state("a", 1, 100, before), 0), 0);
        assertEquals(before + 1, h.node.local().heartbeat());
        assertTrue(h.transport.sentOf(Rumor.class).stream().anyMatch(r -> r.kind() == RumorKind.ALIVE
                && r.subject().name().equals("a") && r.subject().heartbeat().version() == before + 1));
    }

    @Test
    void silenceMakesASuspectConfirmationsConvictAndANewerHeartbeatRevives() {
        join("b", 2, 200, 1);
        join("c", 3, 300, 1);
        join("d", 4, 400, 1);
        h.clock.advance(30 * SECOND);
        h.node.tick();
        h.node.receive(endpoint(3), new Syn(List.of(new GossipDigest("c", 300, 2, 0),
                new GossipDigest("d", 400, 2, 0)), true), 0);
        h.clock.advance(SECOND);
        h.node.tick();
        assertEquals(MemberStatus.SUSPECT, h.node.statusOf("b"), "b was silent for 31 s");
        assertEquals(MemberStatus.ALIVE, h.node.statusOf("c"));
        assertEquals("b", h.node.stateOf("a").value(MemberTable.SUSPECTS_KEY));
        // c and d confirm: k = 2
        join("c", 3, 300, 3, MemberTable.SUSPECTS_KEY, "b", 1);
        join("d", 4, 400, 3, MemberTable.SUSPECTS_KEY, "b", 1);
        assertEquals(java.util.Set.of("a", "c", "d"), h.node.insight("b").orElseThrow().suspectedByForNanos().keySet());
        h.clock.advance(SECOND);
        h.node.tick();
        assertEquals(MemberStatus.DEAD, h.node.statusOf("b"));
        assertEquals(1, h.node.stats().convictions());
        assertTrue(h.transport.sentOf(Rumor.class).stream().anyMatch(r -> r.kind() == RumorKind.DEAD
                && r.subject().name().equals("b")));
        join("b", 2, 200, 2);
        assertEquals(MemberStatus.ALIVE, h.node.statusOf("b"), "a newer heartbeat revives");
    }

    @Test
    void anUnconfirmedSuspicionBecomesAConvictionAfterTheSuspicionTimeout() {
        join("b", 2, 200, 1);
        join("c", 3, 300, 1);
        join("d", 4, 400, 1);
        h.clock.advance(30 * SECOND);
        for (int i = 0; i < 25; i++) {
            h.node.receive(endpoint(3), new Syn(List.of(new GossipDigest("c", 300, 2 + i, 0),
                    new GossipDigest("d", 400, 2 + i, 0)), true), 0);
            h.clock.advance(SECOND);
            h.node.tick();
            if (h.node.statusOf("b") == MemberStatus.DEAD) {
                assertTrue(i >= 19, "convicted unconfirmed after " + i + " s");
                return;
            }
        }
        throw new AssertionError("never convicted: " + h.node.statusOf("b"));
    }

    @Test
    void aLongGapBetweenRoundsIsThisNodesOwnPauseAndConvictsNobody() {
        join("b", 2, 200, 1);
        join("c", 3, 300, 1);
        h.clock.advance(25 * SECOND);
        h.node.tick();
        h.node.receive(endpoint(2), new Syn(List.of(new GossipDigest("b", 200, 2, 0),
                new GossipDigest("c", 300, 2, 0)), true), 0);
        h.clock.advance(SECOND);
        h.node.tick();
        h.clock.advance(12 * SECOND); // this node stood still
        h.node.tick();
        assertEquals(MemberStatus.ALIVE, h.node.statusOf("b"));
        assertEquals(MemberStatus.ALIVE, h.node.statusOf("c"));
    }

    @Test
    void leaveAnnouncesLeftAndStopsTheRounds() {
        join("b", 2, 200, 1);
        h.node.start();
        h.node.leave();
        assertEquals(MemberStatus.LEFT, h.node.local().status());
        assertTrue(h.transport.sentOf(Rumor.class).stream().anyMatch(r -> r.kind() == RumorKind.LEFT
                && MemberTable.LEFT_VALUE.equals(r.subject().value(MemberTable.STATUS_KEY))));
        assertTrue(h.clock.scheduled.isEmpty(), "rounds must stop");
    }

    @Test
    void aSynTooBigForADatagramIsPartialAndRotates() {
        for (int i = 0; i < 300; i++) {
            join("member-with-a-long-name-" + i, 2 + i % 200, 200 + i, 1);
        }
        h.node.tick();
        Syn syn = h.transport.sentOf(Syn.class).get(0);
        assertTrue(syn.partial());
        assertTrue(io.punnet.gossip.core.message.MessageSize.of(syn) <= 1_300);
        assertTrue(syn.digests().stream().anyMatch(d -> d.name().equals("a")), "always carries itself");
    }
}
