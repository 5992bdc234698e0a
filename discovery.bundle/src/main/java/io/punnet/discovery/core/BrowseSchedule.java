package io.punnet.discovery.core;

/**
 * When this node sends a fresh mDNS query (a "browse"): at every check while it knows no other live
 * member, and only every few checks once it has joined a cluster.
 *
 * <p>Why two paces. A node that is alone must keep looking, and a query every check (30 s by
 * default) finds a peer whose announcement it missed. A node that has joined learns about new nodes
 * another way: a node that starts announces itself, and the announcement reaches every node already
 * running, whatever their browse pace; gossip then spreads the news. What a joined node's browse is
 * still for is two halves of a cluster that booted apart (a switch powered late, a cable plugged in
 * after both halves were up): no announcement crosses then, and only a query does. Each query is
 * answered by every node that matches it, so at N nodes a browse every check costs the whole cluster
 * N answers per node and check; browsing rarely once joined keeps that cost off an idle cluster.
 *
 * <p>The schedule counts checks instead of reading a clock: the runtime calls {@link #check} once
 * every {@link #checkIntervalMs()}, and a joined node browses at every
 * {@link #checksPerJoinedBrowse()}-th check ({@code ceil(joinedIntervalMs / aloneIntervalMs)}, at
 * least 1). So the longest time between two browses of a node is {@link #longestGapMs()}, whatever
 * the membership did, and a node that loses its last peer browses again at its next check.
 *
 * <p>Not thread-safe: the discovery runtime calls it from its one thread.
 */
public final class BrowseSchedule {

    private final long checkIntervalMs;
    private final int checksPerJoinedBrowse;
    private int checksSinceBrowse;

    /**
     * @param aloneIntervalMs  the browse interval while no other live member is known, and the
     *                         interval of the checks (positive)
     * @param joinedIntervalMs the browse interval once another live member is known (positive);
     *                         rounded up to a whole number of checks
     * @throws IllegalArgumentException if an interval is not positive
     */
    public BrowseSchedule(long aloneIntervalMs, long joinedIntervalMs) {
        if (aloneIntervalMs <= 0 || joinedIntervalMs <= 0) {
            throw new IllegalArgumentException("browse intervals must be positive: " + aloneIntervalMs
                    + " ms alone, " + joinedIntervalMs + " ms joined");
        }
        this.checkIntervalMs = aloneIntervalMs;
        long checks = joinedIntervalMs / aloneIntervalMs + (joinedIntervalMs % aloneIntervalMs == 0 ? 0 : 1);
        this.checksPerJoinedBrowse = (int) Math.min(Integer.MAX_VALUE, checks);
    }

    /** How often the runtime must call {@link #check}: the browse interval of a node that is alone. */
    public long checkIntervalMs() {
        return checkIntervalMs;
    }

    /** Every how many checks a joined node browses. */
    public int checksPerJoinedBrowse() {
        return checksPerJoinedBrowse;
    }

    /**
     * The longest time between two browses, whatever the membership does: the joined interval rounded
     * up to whole checks. Two halves of a cluster that booted apart are joined by the first browse of
     * any of their nodes after the link comes up, so this is also the worst case of such a merge
     * (plus one gossip exchange).
     */
    public long longestGapMs() {
        return checksPerJoinedBrowse * checkIntervalMs;
    }

    /**
     * One check: whether to browse now.
     *
     * @param alone whether this node knows no other live member right now
     * @return true if the runtime should send a query now
     */
    public boolean check(boolean alone) {
        checksSinceBrowse++;
        if (alone || checksSinceBrowse >= checksPerJoinedBrowse) {
            checksSinceBrowse = 0;
            return true;
        }
        return false;
    }
}
