package io.punnet.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The browse schedule on virtual time: checks at every multiple of the check interval, a membership
 * that says at each instant whether the node is alone, and the instants at which it browsed.
 */
class BrowseScheduleTest {

    private static final long S = 1_000;

    /** Runs checks at checkInterval, 2 checkInterval, ... up to endMs; returns when it browsed. */
    private static List<Long> browses(BrowseSchedule schedule, long endMs, LongPredicate aloneAt) {
        List<Long> at = new ArrayList<>();
        for (long t = schedule.checkIntervalMs(); t <= endMs; t += schedule.checkIntervalMs()) {
            if (schedule.check(aloneAt.test(t))) {
                at.add(t);
            }
        }
        return at;
    }

    @Test
    void aNodeThatIsAloneBrowsesAtEveryCheck() {
        List<Long> at = browses(new BrowseSchedule(30 * S, 300 * S), 3_600 * S, t -> true);
        assertEquals(120, at.size());
        assertEquals(List.of(30 * S, 60 * S, 90 * S), at.subList(0, 3));
        assertEquals(3_600 * S, at.get(at.size() - 1));
    }

    @Test
    void aNodeThatJoinedBrowsesOnlyEveryJoinedInterval() {
        // alone until 100 s: checks at 30, 60, 90 browse; then every 300 s after the last one
        List<Long> at = browses(new BrowseSchedule(30 * S, 300 * S), 1_000 * S, t -> t < 100 * S);
        assertEquals(List.of(30 * S, 60 * S, 90 * S, 390 * S, 690 * S, 990 * S), at);
    }

    @Test
    void aNodeThatLosesItsLastPeerBrowsesAgainAtItsNextCheck() {
        List<Long> at = browses(new BrowseSchedule(30 * S, 300 * S), 1_080 * S, t -> t > 1_000 * S);
        assertEquals(List.of(300 * S, 600 * S, 900 * S, 1_020 * S, 1_050 * S, 1_080 * S), at);
    }

    @Test
    void theJoinedIntervalIsRoundedUpToWholeChecks() {
        BrowseSchedule schedule = new BrowseSchedule(30 * S, 100 * S);
        assertEquals(4, schedule.checksPerJoinedBrowse());
        assertEquals(120 * S, schedule.longestGapMs());
        assertEquals(List.of(120 * S, 240 * S), browses(schedule, 300 * S, t -> false));
        // a joined interval shorter than a check: every check
        assertEquals(1, new BrowseSchedule(30 * S, 5 * S).checksPerJoinedBrowse());
        assertEquals(300 * S, new BrowseSchedule(30 * S, 300 * S).longestGapMs());
    }

    @Test
    void intervalsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BrowseSchedule(0, 300 * S));
        assertThrows(IllegalArgumentException.class, () -> new BrowseSchedule(30 * S, -1));
    }

    /**
     * Whatever the membership does: every check while alone browses, no two browses are further apart
     * than {@link BrowseSchedule#longestGapMs()}, and a browse while joined comes no sooner than the
     * joined interval after the one before.
     */
    @Property(tries = 200)
    void laws(@ForAll @LongRange(min = 1, max = 120) long aloneS, @ForAll @LongRange(min = 1, max = 900) long joinedS,
            @ForAll @Size(min = 1, max = 400) List<Boolean> aloneAtCheck) {
        BrowseSchedule schedule = new BrowseSchedule(aloneS * S, joinedS * S);
        long check = schedule.checkIntervalMs();
        long last = 0;
        for (int i = 0; i < aloneAtCheck.size(); i++) {
            long t = (i + 1) * check;
            boolean alone = aloneAtCheck.get(i);
            boolean browsed = schedule.check(alone);
            if (alone) {
                assertTrue(browsed, "alone at " + t + " ms without a browse");
            } else if (browsed) {
                assertTrue(t - last >= joinedS * S,
                        "joined browse at " + t + " ms, only " + (t - last) + " ms after the last");
            }
            if (browsed) {
                last = t;
            }
            assertTrue(t - last < schedule.longestGapMs(), "no browse for " + (t - last) + " ms at " + t + " ms");
        }
    }
}
