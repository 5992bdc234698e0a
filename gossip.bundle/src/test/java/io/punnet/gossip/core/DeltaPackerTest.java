package io.punnet.gossip.core;

import static io.punnet.gossip.core.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.model.EndpointState;

class DeltaPackerTest {

    @Test
    void aCutStateKeepsTheLowestVersionsSoTheReceiverHasNoHole() {
        EndpointState s = state("b", 2, 200, 5, "z", "x".repeat(100), 1, "a", "y".repeat(100), 2,
                "m", "w".repeat(100), 3);
        EndpointState cut = DeltaPacker.prefix(s, MessageSize.state(s) - 50);
        assertEquals(java.util.Set.of("z", "a"), cut.applicationState().keySet());
        assertEquals(5, cut.heartbeat().version());
    }

    @Test
    void packedListFitsTheBudgetAndPutsTheMostBehindFirst() {
        List<DeltaPacker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            candidates.add(new DeltaPacker.Candidate(state("m" + i, 2, 200, 5, "k", "v".repeat(20), 1), i));
        }
        List<EndpointState> packed = DeltaPacker.pack(candidates, 500, new SplittableRandom(3));
        int size = MessageSize.count(packed.size());
        for (EndpointState s : packed) {
            size += MessageSize.state(s);
        }
        assertTrue(size <= 500, "packed " + size);
        assertEquals("m99", packed.get(0).name());
        assertTrue(packed.size() >= 10);
    }
}
