package io.punnet.deploy.api;

/**
 * How a jar is rolled out.
 *
 * @param force          allow a version older than one running (here or on any member) or being rolled
 *                       out; the same version with another digest (a rebuilt SNAPSHOT) needs no force
 * @param canary         update one targeted node first; roll out to the others only once that node
 *                       reports the bundle ACTIVE, and stop the rollout if it fails
 * @param allowGossip    allow a rollout that updates or refreshes the gossip bundle (it restarts
 *                       gossip on each node: the node leaves and joins again); refused otherwise
 * @param expectedSha256 when not null, the SHA-256 (hex) the client computed: a jar whose digest
 *                       differs was damaged or tampered with on the way and is refused
 */
public record DeployOptions(boolean force, boolean canary, boolean allowGossip, String expectedSha256) {

    /** No force, no canary, gossip untouchable, no expected digest. */
    public static DeployOptions defaults() {
        return new DeployOptions(false, false, false, null);
    }

    public DeployOptions withForce(boolean value) {
        return new DeployOptions(value, canary, allowGossip, expectedSha256);
    }

    public DeployOptions withCanary(boolean value) {
        return new DeployOptions(force, value, allowGossip, expectedSha256);
    }

    public DeployOptions withAllowGossip(boolean value) {
        return new DeployOptions(force, canary, value, expectedSha256);
    }

    public DeployOptions withExpectedSha256(String value) {
        return new DeployOptions(force, canary, allowGossip, value);
    }
}
