package io.punnet.gossip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.Inbound;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;

/** The pump on a hand-cranked executor: deterministic, no threads. */
class InboundPumpTest {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor manual = tasks::add;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Integer> drops = new TreeMap<>();
    private final Inbound engine = new Inbound() {
        @Override
        public void receive(Endpoint from, Message message, int wireBytes) {
            calls.add("receive " + wireBytes);
        }

        @Override
        public PushPullResponse answer(Endpoint from, io.punnet.gossip.core.message.StreamRequest request, int wireBytes) {
            return new PushPullResponse(List.of());
        }

        @Override
        public void pushPullFailed(Endpoint to, String reason) {
            calls.add("failed " + reason);
        }

        @Override
        public void dropped(String reason) {
            drops.merge(reason, 1, Integer::sum);
        }

        @Override
        public void sent(int wireBytes) {
            calls.add("sent " + wireBytes);
        }
    };

    private void runAll() {
        for (int guard = 0; guard < 1_000 && !tasks.isEmpty(); guard++) {
            tasks.poll().run();
        }
    }

    @Test
    void workBeyondTheDepthIsDroppedAndCountedAsOverflow() {
        InboundPump pump = new InboundPump(3, manual);
        pump.start(engine);
        for (int n = 1; n <= 5; n++) {
            int bytes = n;
            boolean accepted = pump.offer(in -> in.receive(null, null, bytes));
            assertEquals(n <= 3, accepted, "offer " + n);
        }
        assertEquals(1, tasks.size(), "one drain is scheduled, however much arrives");
        runAll();
        assertEquals(List.of("receive 1", "receive 2", "receive 3"), calls);
        assertEquals(Map.of("overflow", 2), drops);
        assertEquals(0, pump.depth());
    }

    @Test
    void dropsAreHandedToTheEngineOnTheProtocolSide() {
        InboundPump pump = new InboundPump(8, manual);
        pump.start(engine);
        pump.dropped("auth");
        pump.dropped("auth");
        pump.dropped("malformed");
        assertTrue(drops.isEmpty(), "nothing reaches the engine off the protocol thread");
        runAll();
        assertEquals(Map.of("auth", 2, "malformed", 1), drops);
    }

    @Test
    void workWaitsUntilTheEngineIsConnected() {
        InboundPump pump = new InboundPump(8, manual);
        pump.offer(in -> in.sent(7));
        assertTrue(tasks.isEmpty());
        pump.start(engine);
        runAll();
        assertEquals(List.of("sent 7"), calls);
    }

    @Test
    void controlWorkBypassesTheBound() {
        InboundPump pump = new InboundPump(1, manual);
        pump.start(engine);
        assertTrue(pump.offer(in -> in.sent(1)));
        assertFalse(pump.offer(in -> in.sent(2)));
        pump.control(in -> in.pushPullFailed(null, "refused"));
        runAll();
        assertTrue(calls.containsAll(List.of("sent 1", "failed refused")), calls.toString());
        assertEquals(2, calls.size());
    }

    @Test
    void anEngineFailureDoesNotLoseTheRestOfTheBatch() {
        InboundPump pump = new InboundPump(8, manual);
        pump.start(engine);
        pump.offer(in -> {
            throw new IllegalStateException("engine bug");
        });
        pump.offer(in -> in.sent(2));
        runAll();
        assertEquals(List.of("sent 2"), calls);
    }
}
