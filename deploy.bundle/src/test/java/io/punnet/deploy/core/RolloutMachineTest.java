package io.punnet.deploy.core;

import static io.punnet.deploy.core.Entries.SHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.punnet.deploy.api.NodeState;

class RolloutMachineTest {

    @Test
    void theHappyPathAndTheWayBack() {
        RolloutMachine m = new RolloutMachine(Entries.entry(9, "a", "1", SHA));
        assertEquals(NodeState.PENDING, m.current().state());
        m.move(NodeState.FETCHING, "");
        m.move(NodeState.INSTALLED, "");
        assertEquals(NodeState.FAILED, m.move(NodeState.FAILED, "boom").state());
        NodeReport last = m.move(NodeState.ROLLED_BACK, "boom");
        assertEquals(new NodeReport(9, 9, "a", NodeState.ROLLED_BACK, "boom"), last);
    }

    @Test
    void illegalMovesAreRefused() {
        RolloutMachine m = new RolloutMachine(Entries.entry(9, "a", "1", SHA));
        assertThrows(IllegalStateException.class, () -> m.move(NodeState.INSTALLED, ""));
        assertThrows(IllegalStateException.class, () -> m.move(NodeState.ROLLED_BACK, ""));
        m.move(NodeState.ACTIVE, "");
        assertThrows(IllegalStateException.class, () -> m.move(NodeState.FAILED, ""));
    }

    @Test
    void everyFinalStateIsADeadEnd() {
        for (NodeState from : NodeState.values()) {
            for (NodeState to : NodeState.values()) {
                if (from == NodeState.ACTIVE || from == NodeState.ROLLED_BACK) {
                    assertFalse(RolloutMachine.allowed(from, to), from + " -> " + to);
                }
            }
        }
        assertTrue(RolloutMachine.allowed(NodeState.PENDING, NodeState.ACTIVE));
    }
}
