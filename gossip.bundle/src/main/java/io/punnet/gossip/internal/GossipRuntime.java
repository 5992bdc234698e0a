package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.core.GossipNode;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.model.Endpoint;

/**
 * One running gossip node on real sockets and threads, without OSGi: the {@link GossipNode} engine
 * on its {@link ProtocolThread}, the {@link NetworkTransport}, and the {@link EventDispatcher} for
 * listeners. The DS component is a thin shell around it, and the real-socket tests run it directly.
 *
 * <p>As a {@link Cluster}: every call is handed to the protocol thread (the engine's only thread)
 * and waited for, up to {@value #CALL_TIMEOUT_MS} ms; reads are answered with fresh immutable
 * snapshots, or with the last one if the protocol thread does not answer in time or the node has
 * stopped. Nothing here waits on the network, except {@link #addSeed} for a host name (DNS).
 */
final class GossipRuntime implements Cluster, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GossipRuntime.class);
    static final long CALL_TIMEOUT_MS = 2_000;

    private final String clusterName;
    private final ProtocolThread protocol;
    private final NetworkTransport transport;
    private final EventDispatcher events;
    private final GossipNode engine;
    private volatile boolean closed;
    private volatile Member lastLocal;
    private volatile List<Member> lastMembers = List.of();
    private volatile GossipStats lastStats;

    private GossipRuntime(String clusterName, ProtocolThread protocol, NetworkTransport transport,
            EventDispatcher events, GossipNode engine) {
        this.clusterName = clusterName;
        this.protocol = protocol;
        this.transport = transport;
        this.events = events;
        this.engine = engine;
        this.lastLocal = engine.local();
        this.lastStats = engine.stats();
    }

    /**
     * Binds the sockets, starts the threads and the rounds, and joins through the seeds.
     *
     * @throws IOException if the gossip port cannot be bound; nothing is left running then
     */
    static GossipRuntime start(NodeSettings node, GossipSettings gossip, TransportSettings network,
            int eventQueueDepth, Supplier<List<ClusterListener>> listeners) throws IOException {
        String prefix = "punnet-gossip-" + node.nodeName();
        SecureRandom secure = new SecureRandom();
        ProtocolThread protocol = new ProtocolThread(prefix + "-protocol");
        NetworkTransport transport;
        try {
            transport = NetworkTransport.open(network, node.keys(), node.clusterName(), secure, protocol, prefix);
        } catch (IOException | RuntimeException e) {
            protocol.close();
            throw e;
        }
        EventDispatcher events = new EventDispatcher(eventQueueDepth, listeners, prefix + "-events");
        GossipNode engine;
        try {
            engine = new GossipNode(node.nodeName(), gossip, new SystemClock(), protocol,
                    new SplittableRandom(secure.nextLong()), transport, events);
        } catch (RuntimeException e) {
            transport.close();
            protocol.close();
            events.close();
            throw e;
        }
        GossipRuntime runtime = new GossipRuntime(node.clusterName(), protocol, transport, events, engine);
        transport.start(engine);
        protocol.execute(engine::start);
        for (Endpoint seed : node.seeds()) {
            runtime.addSeed(seed.host(), seed.port());
        }
        return runtime;
    }

    /** Uses {@code liveness} as the failure detector from now on (null: the engine's timeout). */
    void setLiveness(Liveness liveness) {
        protocol.execute(() -> engine.setLiveness(liveness));
    }

    /** Where this node listens. */
    Endpoint endpoint() {
        return transport.localEndpoint();
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    @Override
    public Member local() {
        Member local = read(engine::local);
        if (local != null) {
            lastLocal = local;
            return local;
        }
        return lastLocal;
    }

    @Override
    public List<Member> members() {
        List<Member> members = read(engine::members);
        if (members != null) {
            lastMembers = members;
            return members;
        }
        return lastMembers;
    }

    @Override
    public Optional<Member> member(String name) {
        return members().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public void setApplicationState(String key, String value) {
        call(() -> {
            engine.setApplicationState(key, value);
            return null;
        });
    }

    /** Resolves a host name here (the caller's thread), so the protocol thread never waits for DNS. */
    @Override
    public void addSeed(String host, int port) {
        Endpoint seed;
        try {
            seed = Addresses.resolveName(host, port);
        } catch (UnknownHostException e) {
            LOG.warn("seed {}:{} ignored: the name does not resolve", host, port);
            return;
        }
        protocol.execute(() -> engine.addSeed(seed));
    }

    @Override
    public void leave() {
        call(() -> {
            engine.leave();
            return null;
        });
    }

    @Override
    public GossipStats stats() {
        GossipStats stats = read(engine::stats);
        if (stats != null) {
            lastStats = stats;
            return stats;
        }
        return lastStats;
    }

    /**
     * Leaves the cluster gracefully (the LEFT rumor goes out), then closes the sockets and stops
     * every thread this node started.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            leave();
        } catch (RuntimeException e) {
            LOG.warn("graceful leave failed; stopping anyway: {}", e.toString());
        }
        halt();
    }

    /** Stops without a goodbye, as a crash would (the others have to convict this node). */
    void halt() {
        closed = true;
        transport.close();
        protocol.close();
        events.close();
    }

    /** Whether every thread of this node has ended (after {@link #close()}). */
    boolean isStopped() {
        return closed && protocol.isTerminated();
    }

    /** The answer of {@code query} on the protocol thread, or null if it cannot be had now. */
    private <T> T read(Supplier<T> query) {
        if (closed) {
            return null;
        }
        try {
            return call(query);
        } catch (IllegalStateException e) {
            LOG.debug("answering from the last snapshot: {}", e.getMessage());
            return null;
        }
    }

    /** Runs {@code action} on the protocol thread and waits; its runtime exception is rethrown. */
    private <T> T call(Supplier<T> action) {
        if (closed) {
            throw new IllegalStateException("gossip is stopped");
        }
        if (protocol.isCurrent()) {
            return action.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        protocol.execute(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the gossip protocol thread did not answer within " + CALL_TIMEOUT_MS
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gossip protocol thread", e);
        }
    }
}
