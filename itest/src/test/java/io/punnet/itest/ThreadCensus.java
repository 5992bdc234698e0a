package io.punnet.itest;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The live threads of this JVM (under Pax Exam's native container the framework runs in it), counted
 * by pool: a thread's name with every run of digits replaced by {@code #}, so that
 * {@code qtp767684612-31} and {@code qtp767684612-32} count as two of {@code qtp#-#}. A leak shows
 * as a pool that grows, and the pool's name says whose it is.
 *
 * <p>Some pools may legitimately be larger after a load than before it, and are {@link #ELASTIC}:
 * Jetty's request pool ({@code qtp…}: it grows with concurrent requests up to its configured maximum
 * and lets idle threads go only after its idle timeout, 60 s), the JDK's common fork-join pool (idle
 * workers leave after 60 s), and the test's own HTTP client and load timer.
 */
record ThreadCensus(Map<String, Integer> byPool) {

    /** Pools whose size follows the load, bounded by their own configuration; not counted as leaks. */
    static final Predicate<String> ELASTIC = name -> name.startsWith("qtp") || name.startsWith("ForkJoinPool")
            || name.startsWith("HttpClient-") || name.startsWith(RouteLoad.TIMER_THREAD);

    static ThreadCensus take() {
        Map<String, Integer> pools = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                pools.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
        }
        return new ThreadCensus(Map.copyOf(pools));
    }

    int total() {
        return byPool.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Threads outside the {@link #ELASTIC} pools. */
    int fixed() {
        return byPool.entrySet().stream().filter(e -> !ELASTIC.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    /** Pools that are larger here than in {@code before}: pool → how many more. */
    Map<String, Integer> grownSince(ThreadCensus before) {
        Map<String, Integer> grown = new TreeMap<>();
        byPool.forEach((pool, n) -> {
            int more = n - before.byPool.getOrDefault(pool, 0);
            if (more > 0) {
                grown.put(pool, more);
            }
        });
        return grown;
    }
}
