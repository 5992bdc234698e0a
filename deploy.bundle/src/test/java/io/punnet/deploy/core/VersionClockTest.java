package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionClockTest {

    @Test
    void followsTheWallClockWhenItIsAhead() {
        VersionClock clock = new VersionClock();
        clock.observe(1_000);
        assertEquals(5_000, clock.next(5_000));
    }

    @Test
    void growsPastEverythingSeenWhenTheWallClockLags() {
        VersionClock clock = new VersionClock();
        clock.observe(1_764_000_000_000L);
        long a = clock.next(0); // a Pi booted in 1970
        long b = clock.next(0);
        assertEquals(1_764_000_000_001L, a);
        assertTrue(b > a);
        assertEquals(b, clock.highest());
    }
}
