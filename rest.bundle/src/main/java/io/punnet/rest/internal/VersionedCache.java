package io.punnet.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.punnet.rest.core.RenderCache;
import io.punnet.rest.core.Reply;

/**
 * The {@link RenderCache} of a node: a lock-free map of rendered answers, each stamped with the
 * version of the view it was rendered from. {@link #invalidate()} bumps the version, so an answer
 * rendered while a change arrived is never served afterwards (it carries the old stamp), without
 * any lock between readers and the event thread. A miss is rendered by one thread per key while
 * the others asking for that key wait for its result (single flight): after an invalidation under
 * load, 32 clients cost one render, not 32. Bounded: past {@value #MAX_ENTRIES} keys (one per
 * service asked about) it starts afresh.
 */
final class VersionedCache implements RenderCache {

    static final int MAX_ENTRIES = 512;

    private record Entry(long version, long expiresAtMs, Reply reply) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> renderLocks = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final LongSupplier monotonicMs;

    VersionedCache(LongSupplier monotonicMs) {
        this.monotonicMs = monotonicMs;
    }

    @Override
    public Reply get(String key, long maxAgeMs, Supplier<Reply> render) {
        Reply fresh = fresh(key);
        if (fresh != null) {
            return fresh;
        }
        if (renderLocks.size() >= MAX_ENTRIES) {
            renderLocks.clear();
        }
        synchronized (renderLocks.computeIfAbsent(key, k -> new Object())) {
            fresh = fresh(key); // rendered by another thread while this one waited
            if (fresh != null) {
                return fresh;
            }
            long current = version.get();
            long now = monotonicMs.getAsLong();
            Reply reply = render.get();
            if (reply.status() == 200 && maxAgeMs > 0) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, new Entry(current, now + maxAgeMs, reply));
            }
            return reply;
        }
    }

    private Reply fresh(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.version == version.get() && monotonicMs.getAsLong() < entry.expiresAtMs) {
            return entry.reply;
        }
        return null;
    }

    @Override
    public void invalidate() {
        version.incrementAndGet();
    }
}
