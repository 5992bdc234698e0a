package io.punnet.gossip.internal;

import io.punnet.gossip.core.Clock;

/** The engine's clock on the real machine. */
final class SystemClock implements Clock {

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }
}
