package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;

/** Hand-driven seams for unit tests of the engine: a manual clock and scheduler, a recording transport. */
final class Fixtures {

    static final long SECOND = GossipSettings.SECOND;

    private Fixtures() {
    }

    static final class ManualClock implements Clock, Scheduler {
        long nanos = 1_000 * SECOND;
        final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public long monotonicNanos() {
            return nanos;
        }

        @Override
        public long wallMillis() {
            return 1_767_225_600_000L + nanos / 1_000_000;
        }

        @Override
        public Cancellable schedule(long delayNanos, Runnable task) {
            scheduled.add(task);
            return () -> scheduled.remove(task);
        }

        void advance(long d) {
            nanos += d;
        }
    }

    record Sent(Endpoint to, Message message) {
    }

    static final class RecordingTransport implements Transport {
        final Endpoint self;
        final List<Sent> sent = new ArrayList<>();
        final List<Sent> pushPulls = new ArrayList<>();

        RecordingTransport(Endpoint self) {
            this.self = self;
        }

        @Override
        public Endpoint localEndpoint() {
            return self;
        }

        @Override
        public int send(Endpoint to, Message message) {
            sent.add(new Sent(to, message));
            return MessageSize.of(message) + 68;
        }

        @Override
        public void pushPull(Endpoint to, io.punnet.gossip.core.message.StreamRequest request) {
            pushPulls.add(new Sent(to, request));
        }

        <T extends Message> List<T> sentOf(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Sent s : sent) {
                if (type.isInstance(s.message())) {
                    out.add(type.cast(s.message()));
                }
            }
            return out;
        }
    }

    static Endpoint endpoint(int i) {
        return new Endpoint("10.0.0." + i, 7946);
    }

    static EndpointState state(String name, int address, long generation, long heartbeat, Object... kvVersion) {
        java.util.TreeMap<String, VersionedValue> values = new java.util.TreeMap<>();
        for (int i = 0; i < kvVersion.length; i += 3) {
            values.put((String) kvVersion[i], new VersionedValue((String) kvVersion[i + 1],
                    ((Number) kvVersion[i + 2]).longValue()));
        }
        return new EndpointState(name, endpoint(address), new HeartbeatState(generation, heartbeat), values);
    }

    /** A node "a" at 10.0.0.1 with generation 100 and default settings. */
    static final class Harness {
        final ManualClock clock = new ManualClock();
        final RecordingTransport transport = new RecordingTransport(endpoint(1));
        final List<ClusterEvent> events = new ArrayList<>();
        final GossipNode node;

        Harness() {
            this(GossipSettings.defaults());
        }

        Harness(GossipSettings settings) {
            node = new GossipNode("a", 100, settings, clock, clock, new SplittableRandom(1), transport, events::add);
        }
    }
}
