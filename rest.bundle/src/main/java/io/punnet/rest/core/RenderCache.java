package io.punnet.rest.core;

import java.util.function.Supplier;

/**
 * Keeps rendered answers of the hot routes, so that a request costs a lookup rather than a walk
 * over the cluster view. Entries are dropped on every change of the view (a cluster event, a
 * service swap) and also expire after their maximum age, a safety net for changes no event reports.
 */
public interface RenderCache {

    /**
     * The cached answer under {@code key} if it is younger than {@code maxAgeMs} and no change
     * happened since it was rendered; otherwise renders it, keeps it if it is a 200, and returns it.
     */
    Reply get(String key, long maxAgeMs, Supplier<Reply> render);

    /** Forgets every entry: the view changed. */
    void invalidate();

    /** A cache that keeps nothing (tests, and a way to switch caching off). */
    static RenderCache none() {
        return new RenderCache() {
            @Override
            public Reply get(String key, long maxAgeMs, Supplier<Reply> render) {
                return render.get();
            }

            @Override
            public void invalidate() {
                // nothing kept
            }
        };
    }
}
