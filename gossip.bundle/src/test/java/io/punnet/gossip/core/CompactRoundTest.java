package io.punnet.gossip.core;

import static io.punnet.gossip.core.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.CompactAck;
import io.punnet.gossip.core.message.CompactSyn;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.model.EndpointState;

class CompactRoundTest {

    private final List<MergeResult> learnedByA = new ArrayList<>();
    private final List<MergeResult> learnedByB = new ArrayList<>();

    /** Two tables that know the same members "a".."e" (a's own is "a", b's own is "b"). */
    private MemberTable a;
    private MemberTable b;

    private void twoNodes(int members) {
        a = new MemberTable(state("a", 1, 100, 10), 0);
        b = new MemberTable(state("b", 2, 200, 10), 0);
        a.merge(state("b", 2, 200, 10), 0, 0);
        b.merge(state("a", 1, 100, 10), 0, 0);
        for (int i = 3; i <= members; i++) {
            String name = String.format("m%03d", i);
            a.merge(state(name, i, 1000 + i, 10), 0, 0);
            b.merge(state(name, i, 1000 + i, 10), 0, 0);
        }
    }

    private CompactRound round(MemberTable t, int budget) {
        return new CompactRound(t, new SplittableRandom(7), budget);
    }

    @Test
    void nearRecoversNumbersWithinHalfTheRangeEitherWay() {
        assertEquals(70_000, CompactSyn.near(69_990, (int) (70_000 & 0xFFFF)));
        assertEquals(69_990, CompactSyn.near(70_000, (int) (69_990 & 0xFFFF)));
        assertEquals(65_536 + 3, CompactSyn.near(65_530, 3), "across a wrap of the low bits");
        assertEquals(65_530, CompactSyn.near(65_539, 65_530 & 0xFFFF));
        assertEquals(0, CompactSyn.near(2, 65_535), "never negative");
    }

    @Test
    void sameMembersMeanTheSameViewHashAndAnotherGenerationChangesIt() {
        twoNodes(5);
        assertEquals(a.view().hash(), b.view().hash());
        long before = a.view().hash();
        a.merge(state("m004", 4, 5000, 1), 0, 1);
        assertNotEquals(before, a.view().hash(), "a restart changes the view");
        assertFalse(round(b, 1300).sameView(round(a, 1300).syn()));
    }

    @Test
    void aRoundCarriesHeartbeatsBothWaysAndValuesWhereTheyAreNewer() {
        twoNodes(5);
        // a heard a newer heartbeat of m003 and has a new value of m004; b heard m005 later
        a.learnHeartbeat(a.get("m003"), 15, 1);
        a.merge(state("m004", 4, 1004, 10, "k", "v", 1), 0, 1);
        b.learnHeartbeat(b.get("m005"), 19, 1);

        CompactSyn syn = round(a, 1300).syn();
        assertEquals(5, syn.count());
        assertTrue(round(b, 1300).sameView(syn));
        round(b, 1300).learn(syn, (r, now) -> learnedByB.add(r), 2);
        assertEquals(15, b.get("m003").heartbeat());
        CompactAck ack = round(b, 1300).ack(syn);

        assertTrue(round(a, 1300).learn(ack, (r, now) -> learnedByA.add(r), 3));
        assertEquals(19, a.get("m005").heartbeat(), "b's newer heartbeat came back in the ACK");
        Ack2 ack2 = round(a, 1300).ack2(ack);
        EndpointState sent = ack2.deltas().stream().filter(s -> s.name().equals("m004")).findFirst().orElseThrow();
        assertEquals("v", sent.value("k"), "a sends the value b lacks");
    }

    @Test
    void aBigViewIsSentAsAWindowThatFitsTheBudgetAndCoversTheSender() {
        twoNodes(600);
        CompactRound ra = round(a, 1300);
        for (int i = 0; i < 50; i++) {
            CompactSyn syn = ra.syn();
            assertTrue(1 + MessageSize.compactSyn(syn.viewSize(), syn.offset(), syn.count()) <= 1300);
            assertTrue(syn.count() > 250 && syn.count() < 600);
            int self = a.view().localIndex();
            int from = Math.floorMod(self - syn.offset(), syn.viewSize());
            assertTrue(from < syn.count(), "the window covers the sender");
            // the ACK of a wrapping window lists ascending positions (the record refuses anything else)
            b.learnHeartbeat(b.get("m599"), 11 + i, i);
            CompactAck ack = round(b, 1300).ack(syn);
            assertTrue(ack.count() <= syn.count());
        }
    }

    @Test
    void anAckOfAnotherViewIsIgnored() {
        twoNodes(5);
        CompactAck ack = round(b, 1300).ack(round(a, 1300).syn());
        a.merge(state("m006", 6, 1006, 1), 0, 1);
        assertFalse(round(a, 1300).learn(ack, (r, now) -> learnedByA.add(r), 2));
        assertNull(round(a, 1300).ack2(ack));
        assertTrue(learnedByA.isEmpty());
    }
}
