package io.punnet.gossip.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.punnet.gossip.core.Inbound;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;

/** An engine stand-in that records every call and checks it arrives on the protocol thread. */
final class RecordingInbound implements Inbound {

    record Arrival(Endpoint from, Message message, int wireBytes) {
    }

    final List<Arrival> received = new CopyOnWriteArrayList<>();
    final List<io.punnet.gossip.core.message.StreamRequest> answered = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();
    final AtomicInteger sentBytes = new AtomicInteger();
    final AtomicInteger offThread = new AtomicInteger();
    private final ProtocolThread protocol;
    private final PushPullResponse answer;

    RecordingInbound(ProtocolThread protocol, PushPullResponse answer) {
        this.protocol = protocol;
        this.answer = answer;
    }

    @Override
    public void receive(Endpoint from, Message message, int wireBytes) {
        check();
        received.add(new Arrival(from, message, wireBytes));
    }

    @Override
    public PushPullResponse answer(Endpoint from, io.punnet.gossip.core.message.StreamRequest request, int wireBytes) {
        check();
        answered.add(request);
        return answer;
    }

    @Override
    public void pushPullFailed(Endpoint to, String reason) {
        check();
        failures.add(reason);
    }

    @Override
    public void dropped(String reason) {
        check();
        drops.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void sent(int wireBytes) {
        check();
        sentBytes.addAndGet(wireBytes);
    }

    int drops(String reason) {
        AtomicInteger count = drops.get(reason);
        return count == null ? 0 : count.get();
    }

    private void check() {
        if (!protocol.isCurrent()) {
            offThread.incrementAndGet();
        }
    }

    /** Polls {@code condition} every 10 ms for up to {@code timeoutMs}; true if it came true. */
    static boolean eventually(long timeoutMs, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
