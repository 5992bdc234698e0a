package io.punnet.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.MessageCodec;

/**
 * The simulated network between {@link SimNode}s: per directed link a loss rate, a latency and a
 * jitter ({@link LinkSpec}); partitions (nodes in different groups cannot reach each other) and
 * one-way blocks. Datagrams travel as objects, or (codec mode) encoded and decoded by the real wire
 * codec. A push-pull is a reliable exchange: it succeeds when both directions are open and the peer
 * is up, otherwise it fails after a timeout.
 *
 * <p>Sizes on the wire: the encoded message, plus {@link #DATAGRAM_OVERHEAD_BYTES} per datagram
 * (AES-GCM envelope and IP/UDP headers), or {@link #STREAM_OVERHEAD_BYTES} per stream message.
 */
public final class SimNetwork {

    /** Envelope (magic, version, key id, 12-byte nonce, 16-byte tag: about 40 bytes) and IPv4/UDP (28). */
    public static final int DATAGRAM_OVERHEAD_BYTES = 68;
    /** Envelope, length prefix and IPv4/TCP headers (about 40 + 4 + 40), connection set-up not counted. */
    public static final int STREAM_OVERHEAD_BYTES = 84;
    private static final int STREAM_MAX_BYTES = 64 << 20;
    private static final long STREAM_TIMEOUT_NANOS = 2_000_000_000L;

    private record Link(String from, String to) {
    }

    private final EventLoop loop;
    private final RandomGenerator random;
    private final MessageCodec codec;
    private final MessageCodec streamCodec;
    private final Map<Endpoint, SimNode> byEndpoint = new HashMap<>();
    private final Map<Link, LinkSpec> links = new HashMap<>();
    private final Map<String, Integer> groups = new HashMap<>();
    private final Set<Link> blocked = new HashSet<>();
    private final TrafficStats traffic = new TrafficStats();
    private LinkSpec defaultLink;

    SimNetwork(EventLoop loop, RandomGenerator random, LinkSpec defaultLink, boolean useCodec, int maxMessageBytes) {
        this.loop = loop;
        this.random = random;
        this.defaultLink = defaultLink;
        this.codec = useCodec ? new MessageCodec(maxMessageBytes) : null;
        this.streamCodec = useCodec ? new MessageCodec(STREAM_MAX_BYTES) : null;
    }

    void attach(SimNode node) {
        byEndpoint.put(node.endpoint(), node);
    }

    void detach(Endpoint endpoint, SimNode node) {
        byEndpoint.remove(endpoint, node);
    }

    /** Sets the behaviour of every link without an override. */
    public void defaultLink(LinkSpec spec) {
        this.defaultLink = spec;
    }

    /** Overrides one directed link. */
    public void link(String from, String to, LinkSpec spec) {
        links.put(new Link(from, to), spec);
    }

    /** Blocks or unblocks one direction. */
    public void block(String from, String to, boolean block) {
        if (block) {
            blocked.add(new Link(from, to));
        } else {
            blocked.remove(new Link(from, to));
        }
    }

    /** Puts a node in a partition group (0 is the default group). */
    public void group(String node, int group) {
        groups.put(node, group);
    }

    /** Removes every partition. */
    public void heal() {
        groups.clear();
    }

    /** The traffic so far. */
    public TrafficStats traffic() {
        return traffic;
    }

    private boolean open(String from, String to) {
        if (!groups.getOrDefault(from, 0).equals(groups.getOrDefault(to, 0))) {
            return false;
        }
        return !blocked.contains(new Link(from, to));
    }

    int send(SimNode from, Endpoint to, Message message) {
        int size = wireSize(message) + DATAGRAM_OVERHEAD_BYTES;
        traffic.sent(message.type(), size);
        SimNode target = byEndpoint.get(to);
        if (target == null) {
            return size;
        }
        if (!open(from.name(), target.name())) {
            traffic.countBlocked();
            return size;
        }
        LinkSpec spec = links.getOrDefault(new Link(from.name(), target.name()), defaultLink);
        if (spec.loss() > 0 && random.nextDouble() < spec.loss()) {
            traffic.countLost();
            return size;
        }
        Message carried = codec == null ? message : codec.decode(codec.encode(message));
        Endpoint source = from.endpoint();
        int incarnation = target.incarnation();
        loop.schedule(delay(spec), () -> target.deliver(source, carried, size, incarnation));
        return size;
    }

    void pushPull(SimNode from, Endpoint to, StreamRequest request) {
        int fromIncarnation = from.incarnation();
        Endpoint source = from.endpoint();
        SimNode target = byEndpoint.get(to);
        int size = streamSize(request) + STREAM_OVERHEAD_BYTES;
        StreamRequest carriedRequest = streamCodec == null ? request
                : (StreamRequest) streamCodec.decode(streamCodec.encode(request));
        traffic.sent(request.type(), size);
        from.sentOnStream(size);
        if (target == null || !open(from.name(), target.name()) || !open(target.name(), from.name())) {
            loop.schedule(STREAM_TIMEOUT_NANOS, () -> from.streamFailed(to, "timeout", fromIncarnation));
            return;
        }
        LinkSpec out = links.getOrDefault(new Link(from.name(), target.name()), defaultLink);
        int targetIncarnation = target.incarnation();
        loop.schedule(delay(out), () -> {
            PushPullResponse answered = target.answer(source, carriedRequest, size, targetIncarnation);
            PushPullResponse response = answered == null || streamCodec == null ? answered
                    : (PushPullResponse) streamCodec.decode(streamCodec.encode(answered));
            if (response == null) {
                loop.schedule(STREAM_TIMEOUT_NANOS, () -> from.streamFailed(to, "timeout", fromIncarnation));
                return;
            }
            int back = streamSize(response) + STREAM_OVERHEAD_BYTES;
            traffic.sent(response.type(), back);
            target.sentOnStream(back);
            LinkSpec in = links.getOrDefault(new Link(target.name(), from.name()), defaultLink);
            loop.schedule(delay(in), () -> from.deliver(to, response, back, fromIncarnation));
        });
    }

    private int wireSize(Message m) {
        return codec == null ? MessageSize.of(m) : codec.encode(m).length;
    }

    private int streamSize(Message m) {
        return streamCodec == null ? MessageSize.of(m) : streamCodec.encode(m).length;
    }

    private long delay(LinkSpec spec) {
        long jitter = spec.jitterNanos() > 0 ? random.nextLong(spec.jitterNanos()) : 0;
        return spec.latencyNanos() + jitter;
    }
}
