package io.punnet.lab;

import java.io.IOException;

/**
 * Notes when a node's first gossip packet (sent or received, UDP or push-pull TCP) crosses its
 * {@code eth0}, by reading the namespace's nftables counters in a tight loop on a thread of its
 * own: the time is the first read that saw a packet, so it is late by at most one read (reported
 * as {@link #resolutionMs}, typically 5-20 ms).
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
        long previous = System.currentTimeMillis();
        while (!stopped && System.currentTimeMillis() < deadline) {
            try {
                long packets = network.gossipPackets(node);
                long now = System.currentTimeMillis();
                if (packets > 0) {
                    resolutionMs = now - previous;
                    firstMs = now;
                    return;
                }
                previous = now;
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The time of the read that first saw a gossip packet, epoch ms, or -1. */
    long firstMs() {
        return firstMs;
    }

    /** How long before {@link #firstMs} the previous (empty) read was. */
    long resolutionMs() {
        return resolutionMs;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
