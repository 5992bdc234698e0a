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
 * any lock between readers and the event thread. Bounded: past {@value #MAX_ENTRIES} keys (one per
 * service asked about) it starts afresh.
 */
final class VersionedCache implements RenderCache {

    static final int MAX_ENTRIES = 512;

    private record Entry(long version, long expiresAtMs, Reply reply) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final LongSupplier monotonicMs;

    VersionedCache(LongSupplier monotonicMs) {
        this.monotonicMs = monotonicMs;
    }

    @Override
    public Reply get(String key, long maxAgeMs, Supplier<Reply> render) {
        long current = version.get();
        long now = monotonicMs.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.version == current && now < entry.expiresAtMs) {
            return entry.reply;
        }
        Reply reply = render.get();
        if (reply.status() == 200 && maxAgeMs > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(current, now + maxAgeMs, reply));
        }
        return reply;
    }

    @Override
    public void invalidate() {
        version.incrementAndGet();
    }
}
