package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from what is observed after a start, whether a bundle made it: ACTIVE with every enabled
 * DS component satisfied (or active), within a timeout. Pure: the caller observes the framework and
 * passes the time, so the timeout is tested on virtual time.
 *
 * <p>Rules, in order: a start error fails at once; a component whose activation failed fails at
 * once (waiting will not help); an ACTIVE bundle with every component satisfied succeeds; otherwise
 * wait until the timeout, then fail with what is still missing (the bundle state, or the components
 * and their unsatisfied references).
 */
public final class ActivationWatch {

    /** A component configuration's state, as Service Component Runtime reports it. */
    public enum ComponentState { SATISFIED, ACTIVE, UNSATISFIED_REFERENCE, UNSATISFIED_CONFIGURATION, FAILED_ACTIVATION }

    /**
     * One component configuration.
     *
     * @param name   the component name
     * @param state  its state
     * @param detail the failure text, or the unsatisfied reference names
     */
    public record Component(String name, ComponentState state, String detail) {
    }

    /**
     * What is seen of the bundle.
     *
     * @param bundleActive whether the bundle is ACTIVE
     * @param bundleState  its state name, for the reason
     * @param startError   the start failure (resolution, activator), or null
     * @param components   its enabled components' configurations; a component waiting for a required
     *                     configuration has none and counts as fine
     * @param componentsDeclared whether the bundle declares DS components that SCR has not yet read
     */
    public record Observation(boolean bundleActive, String bundleState, String startError, List<Component> components,
            boolean componentsDeclared) {

        public Observation {
            components = List.copyOf(components);
        }
    }

    /** The outcome so far: waiting (reason null, done false), success, or failure with a reason. */
    public record Verdict(boolean done, boolean success, String reason) {
        static final Verdict WAIT = new Verdict(false, false, null);
        static final Verdict OK = new Verdict(true, true, "");

        static Verdict fail(String reason) {
            return new Verdict(true, false, reason);
        }
    }

    private final long startedAtMs;
    private final long timeoutMs;

    public ActivationWatch(long startedAtMs, long timeoutMs) {
        this.startedAtMs = startedAtMs;
        this.timeoutMs = timeoutMs;
    }

    /** The verdict for what is seen now. */
    public Verdict judge(long nowMs, Observation seen) {
        if (seen.startError() != null) {
            return Verdict.fail("did not start: " + seen.startError());
        }
        for (Component c : seen.components()) {
            if (c.state() == ComponentState.FAILED_ACTIVATION) {
                return Verdict.fail("component " + c.name() + " failed to activate: " + c.detail());
            }
        }
        List<String> missing = missing(seen);
        if (missing.isEmpty()) {
            return Verdict.OK;
        }
        if (nowMs - startedAtMs >= timeoutMs) {
            return Verdict.fail("not ready after " + timeoutMs + " ms: " + String.join("; ", missing));
        }
        return Verdict.WAIT;
    }

    private static List<String> missing(Observation seen) {
        List<String> missing = new ArrayList<>();
        if (!seen.bundleActive()) {
            missing.add("bundle is " + seen.bundleState() + ", not ACTIVE");
        }
        if (seen.componentsDeclared() && seen.components().isEmpty()) {
            missing.add("its components were not read by SCR");
        }
        for (Component c : seen.components()) {
            if (c.state() == ComponentState.UNSATISFIED_REFERENCE) {
                missing.add("component " + c.name() + " has unsatisfied references " + c.detail());
            } else if (c.state() == ComponentState.UNSATISFIED_CONFIGURATION) {
                missing.add("component " + c.name() + " lacks its configuration");
            }
        }
        return missing;
    }
}
