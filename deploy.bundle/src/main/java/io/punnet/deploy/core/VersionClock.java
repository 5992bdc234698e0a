package io.punnet.deploy.core;

/**
 * Hands out desired-state versions that grow across the whole cluster: a hybrid logical clock.
 * A new version is the wall clock in milliseconds, or one more than the highest version seen
 * anywhere, whichever is larger; so versions follow real time when clocks agree, and still grow when
 * a node's clock lags (a Pi without its real-time clock boots in 1970 until NTP answers).
 */
public final class VersionClock {

    private long highestSeen;

    /** Records a version seen in gossip or on disk. */
    public synchronized void observe(long version) {
        highestSeen = Math.max(highestSeen, version);
    }

    /** The next version, given the wall clock now; always above everything observed and issued. */
    public synchronized long next(long nowMs) {
        highestSeen = Math.max(nowMs, highestSeen + 1);
        return highestSeen;
    }

    /** The highest version observed or issued. */
    public synchronized long highest() {
        return highestSeen;
    }
}
