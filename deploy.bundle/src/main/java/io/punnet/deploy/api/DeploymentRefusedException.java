package io.punnet.deploy.api;

import java.util.Objects;

/**
 * A submission that was refused; the message says why in words fit for an operator. Nothing was
 * stored, gossiped or installed when one is thrown.
 */
public class DeploymentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public DeploymentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The kind of refusal, for mapping to a status code. */
    public Reason reason() {
        return reason;
    }

    /** Why a submission was refused. */
    public enum Reason {
        /** The body is not a zip/jar file. */
        NOT_A_JAR,
        /** The jar has no {@code META-INF/MANIFEST.MF} (or it cannot be read). */
        NO_MANIFEST,
        /** The manifest has no {@code Bundle-SymbolicName}. */
        NO_SYMBOLIC_NAME,
        /** A manifest header is malformed (the version, the manifest version). */
        BAD_MANIFEST,
        /** The jar is larger than the configured limit. */
        TOO_LARGE,
        /** The jar's digest differs from the expected one, or its jar signature does not verify. */
        TAMPERED,
        /** The version is older than one running or being rolled out, without force. */
        DOWNGRADE,
        /** The target is malformed. */
        BAD_TARGET,
        /** The rollout would touch the gossip bundle without explicit permission. */
        GOSSIP_NOT_ALLOWED,
        /** The bundle cannot be rolled out this way (the deploy bundle itself, a framework bundle). */
        NOT_DEPLOYABLE,
        /** This node cannot roll out now (no cluster service, no cluster key). */
        NOT_READY
    }
}
