package io.punnet.lab;

import java.io.IOException;

/**
 * Brackets the moment of a node's first gossip packet (sent or received, UDP or push-pull TCP) on
 * its {@code eth0}, by reading the namespace's nftables counters in a tight loop on a thread of its
 * own: the packet came after the start of the last read that saw none ({@link #firstMs}, the
 * bracket's early side, so delays measured from it are upper bounds) and before the end of the
 * first read that saw one ({@link #resolutionMs} later; a read takes 5-100 ms, more on a loaded
 * machine).
 */
final class FirstPacketWatch implements AutoCloseable {

    private final LabNetwork network;
    private final int node;
    private final Thread thread;
    private volatile long firstMs = -1;
    private volatile long resolutionMs;
    private volatile boolean stopped;

    FirstPacketWatch(LabNetwork network, int node, long timeoutMs) {
        this.network = network;
        this.node = node;
        this.thread = new Thread(() -> watch(timeoutMs), "first-packet-n" + node);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long lastEmptyStart = System.currentTimeMillis();
        while (!stopped && System.currentTimeMillis() < deadline) {
            long start = System.currentTimeMillis();
            try {
                if (network.gossipPackets(node) > 0) {
                    resolutionMs = System.currentTimeMillis() - lastEmptyStart;
                    firstMs = lastEmptyStart;
                    return;
                }
            } catch (IOException e) {
                return;
            }
            lastEmptyStart = start;
        }
    }

    /** The early side of the bracket: the first packet came later (epoch ms), or -1. */
    long firstMs() {
        return firstMs;
    }

    /** The width of the bracket: the first packet came at most this long after {@link #firstMs}. */
    long resolutionMs() {
        return resolutionMs;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
