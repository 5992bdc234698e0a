package io.punnet.discovery.internal;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

/** Waits, bounded, for something real threads do; fails with {@code what} when it does not happen. */
final class Eventually {

    private Eventually() {
    }

    static void within(long timeoutMs, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(5);
        }
    }
}
