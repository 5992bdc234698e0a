package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.DropReason;
import io.punnet.gossip.core.wire.PacketCodec;

/**
 * The TCP side of the transport: a server for push-pull requests of peers ({@link StreamServing})
 * and the client for the ones this node starts ({@link StreamCalling}), on one port with the UDP
 * side.
 *
 * <p>Limits that keep a Pi standing: at most {@code maxConnections} streams each way (more are
 * refused at once), frames capped at {@code maxFrameBytes}, every frame due within
 * {@code ioTimeoutMs}. Stream threads come from a pool that never grows beyond those limits; every
 * socket is tracked so {@link #close()} can cut blocked reads short.
 */
final class StreamLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamLink.class);
    private static final long ACCEPT_RETRY_MS = 50;

    private final ServerSocket server;
    private final TransportSettings settings;
    private final Thread acceptor;
    private final ExecutorService streams;
    private final Semaphore inboundPermits;
    private final Semaphore outboundPermits;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final StreamServing serving;
    private final StreamCalling calling;

    /** Binds the server socket on {@code port}; nothing runs until {@link #start()}. */
    StreamLink(TransportSettings settings, int port, PacketCodec codec, InboundPump pump, String threadPrefix)
            throws IOException {
        this.settings = settings;
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(settings.bindAddress(), port), settings.maxConnections());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.inboundPermits = new Semaphore(settings.maxConnections());
        this.outboundPermits = new Semaphore(settings.maxConnections());
        AtomicInteger count = new AtomicInteger();
        this.streams = new ThreadPoolExecutor(0, 2 * settings.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, threadPrefix + "-stream-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.serving = new StreamServing(codec, pump, settings.ioTimeoutMs(), settings.maxFrameBytes());
        this.calling = new StreamCalling(codec, pump, settings.ioTimeoutMs(), settings.maxFrameBytes());
        this.acceptor = new Thread(() -> acceptLoop(pump), threadPrefix + "-accept");
        this.acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    /** Starts a push-pull with {@code to} on a stream thread; its outcome reaches the engine later. */
    void pushPull(Endpoint to, StreamRequest request, InboundPump pump) {
        if (!outboundPermits.tryAcquire()) {
            pump.control(inbound -> inbound.pushPullFailed(to, "busy"));
            return;
        }
        Socket socket = new Socket();
        if (!run(socket, outboundPermits, () -> calling.call(socket, to, request))) {
            pump.control(inbound -> inbound.pushPullFailed(to, "stopping"));
        }
    }

    private void acceptLoop(InboundPump pump) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("accept failed: {}", e.toString());
                    pauseAfterAcceptFailure();
                }
                continue;
            }
            if (!inboundPermits.tryAcquire()) {
                LOG.debug("push-pull from {} refused: {} streams open", socket.getRemoteSocketAddress(),
                        settings.maxConnections());
                pump.dropped(DropReason.OVERFLOW.counterName());
                closeQuietly(socket);
                continue;
            }
            run(socket, inboundPermits, () -> serving.serve(socket));
        }
    }

    /** An accept that fails (out of file descriptors, say) would fail again at once: do not spin. */
    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(ACCEPT_RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code work} with {@code socket} tracked, then closes it and returns the permit. */
    private boolean run(Socket socket, Semaphore permits, Runnable work) {
        open.add(socket);
        try {
            streams.execute(() -> {
                try {
                    work.run();
                } finally {
                    release(socket, permits);
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            release(socket, permits);
            return false;
        }
    }

    private void release(Socket socket, Semaphore permits) {
        closeQuietly(socket);
        open.remove(socket);
        permits.release();
    }

    /** Stops accepting, cuts every open stream, and waits for the threads to end. */
    @Override
    public void close() {
        closeQuietly(server);
        Threads.join(acceptor);
        streams.shutdown();
        open.forEach(StreamLink::closeQuietly);
        try {
            if (!streams.awaitTermination(Threads.JOIN_MS, TimeUnit.MILLISECONDS)) {
                streams.shutdownNow();
                LOG.warn("push-pull streams did not end within {} ms", Threads.JOIN_MS);
            }
        } catch (InterruptedException e) {
            streams.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            if (!(e instanceof SocketException)) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }
}
