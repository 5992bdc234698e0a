package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.deploy.core.ActivationWatch.Component;
import io.punnet.deploy.core.ActivationWatch.ComponentState;
import io.punnet.deploy.core.ActivationWatch.Observation;
import io.punnet.deploy.core.ActivationWatch.Verdict;

/** The wait-for-active rules on virtual time: the clock is the number passed. */
class ActivationWatchTest {

    private final ActivationWatch watch = new ActivationWatch(1_000, 30_000);

    private static Observation seen(boolean active, Component... components) {
        return new Observation(active, active ? "ACTIVE" : "RESOLVED", null, List.of(components), false);
    }

    @Test
    void anActiveBundleWithSatisfiedComponentsSucceeds() {
        Verdict v = watch.judge(1_010, seen(true, new Component("a", ComponentState.ACTIVE, ""),
                new Component("b", ComponentState.SATISFIED, "")));
        assertTrue(v.done() && v.success());
    }

    @Test
    void anUnsatisfiedReferenceWaitsUntilTheTimeoutThenFailsNamingIt() {
        Observation o = seen(true, new Component("c", ComponentState.UNSATISFIED_REFERENCE, "[store (null)]"));
        assertFalse(watch.judge(30_999, o).done());
        Verdict v = watch.judge(31_000, o);
        assertTrue(v.done());
        assertFalse(v.success());
        assertEquals("not ready after 30000 ms: component c has unsatisfied references [store (null)]", v.reason());
    }

    @Test
    void aBundleThatIsNotActiveWaitsThenFails() {
        assertFalse(watch.judge(20_000, seen(false)).done());
        assertEquals("not ready after 30000 ms: bundle is RESOLVED, not ACTIVE", watch.judge(40_000, seen(false)).reason());
    }

    @Test
    void aStartErrorOrAFailedActivationFailsAtOnce() {
        Verdict start = watch.judge(1_001, new Observation(false, "INSTALLED", "Unable to resolve: missing x", List.of(), false));
        assertEquals("did not start: Unable to resolve: missing x", start.reason());
        Verdict activation = watch.judge(1_001, seen(true, new Component("c", ComponentState.FAILED_ACTIVATION, "boom")));
        assertEquals("component c failed to activate: boom", activation.reason());
    }

    @Test
    void componentsNotYetReadBySCRAreWaitedFor() {
        Observation o = new Observation(true, "ACTIVE", null, List.of(), true);
        assertFalse(watch.judge(2_000, o).done());
        assertTrue(watch.judge(31_000, o).reason().contains("not read by SCR"));
    }
}
