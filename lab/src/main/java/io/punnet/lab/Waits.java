package io.punnet.lab;

import java.util.function.BooleanSupplier;

/** Bounded waiting for real processes (the lab's only clock is the machine's). */
public final class Waits {

    private Waits() {
    }

    /** Checks {@code condition} every {@code stepMs} until it holds or {@code timeoutMs} passed; whether it held. */
    public static boolean until(BooleanSupplier condition, long timeoutMs, long stepMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            Thread.sleep(stepMs);
        }
        return true;
    }
}
