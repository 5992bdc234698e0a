package io.punnet.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.message.MessageType;

/** A run is a pure function of its seed: the same seed gives the same history, another seed another. */
class DeterminismTest {

    private static List<Object> fingerprint(long seed) {
        Simulation sim = Simulation.builder().seed(seed).nodes(15).link(LinkSpec.lan().withLoss(0.1)).build();
        List<Object> events = new ArrayList<>();
        sim.observe(o -> events.add(o.atNanos() + " " + o.observer() + " " + o.event().type() + " "
                + o.event().member().name() + " " + o.event().member().status()));
        sim.start();
        sim.runSeconds(30);
        sim.crash(4);
        sim.pause(7, 5_000_000_000L);
        sim.runSeconds(30);
        sim.restart(4, true);
        sim.runSeconds(10);
        List<Object> print = new ArrayList<>(events);
        for (MessageType t : MessageType.values()) {
            print.add(t + "=" + sim.network().traffic().bytes(t));
        }
        print.add(sim.loop().executed());
        return print;
    }

    @Test
    void sameSeedSameHistory() {
        assertEquals(fingerprint(42), fingerprint(42));
        assertNotEquals(fingerprint(42), fingerprint(43));
    }
}
