package io.punnet.gossip.core.model;

/**
 * The heartbeat of one node: its generation (boot time in ms since the epoch, so a restart always
 * supersedes its old self) and a version that the node bumps once per gossip round.
 *
 * <p>Heartbeat versions have their own counter, apart from the application-state versions (see
 * {@link VersionedValue}): the heartbeat changes every second, the state rarely, so digests and
 * deltas stay small and a state change can be checked for gaps.
 *
 * @param generation boot time in ms, positive
 * @param version    the round counter within the generation, from 0
 */
public record HeartbeatState(long generation, long version) implements Comparable<HeartbeatState> {

    public HeartbeatState {
        if (generation <= 0) {
            throw new IllegalArgumentException("generation must be positive: " + generation);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0: " + version);
        }
    }

    /** The next round's heartbeat. */
    public HeartbeatState next() {
        return new HeartbeatState(generation, version + 1);
    }

    /** True if this heartbeat is later than {@code other} (higher generation, or same and higher version). */
    public boolean isNewerThan(HeartbeatState other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(HeartbeatState o) {
        int c = Long.compare(generation, o.generation);
        return c != 0 ? c : Long.compare(version, o.version);
    }
}
