package io.punnet.gossip.core;

import java.util.HashMap;
import java.util.Map;

import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Suspicion;

/**
 * The fallback {@link Liveness} while no detector service is present: a member is suspected when no
 * newer heartbeat of it was learned for a fixed timeout. Its "phi" is the silence in timeouts, so
 * the threshold is 1. The engine always feeds it, so switching to it is seamless.
 */
public final class TimeoutLiveness implements Liveness {

    private final long timeoutNanos;
    private final Map<String, Long> lastNanos = new HashMap<>();

    /** @param timeoutNanos silence after which a member is suspected */
    public TimeoutLiveness(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void heartbeat(String member, long generation, long nowNanos) {
        lastNanos.put(member, nowNanos);
    }

    @Override
    public void forget(String member) {
        lastNanos.remove(member);
    }

    @Override
    public Suspicion suspicion(String member, long nowNanos) {
        Long last = lastNanos.get(member);
        if (last == null) {
            return Suspicion.none(1.0);
        }
        double level = (double) (nowNanos - last) / timeoutNanos;
        return new Suspicion(level, 1.0, level >= 1.0);
    }

    /** Forgives every silence up to now (this node itself was paused). */
    void forgive(long nowNanos) {
        lastNanos.replaceAll((k, v) -> Math.max(v, nowNanos));
    }
}
