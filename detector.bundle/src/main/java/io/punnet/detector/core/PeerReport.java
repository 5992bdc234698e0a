package io.punnet.detector.core;

/**
 * Why this node thinks what it thinks about one peer at one instant: the inputs of phi and its
 * outcome, for the REST API, the dashboard and the logs.
 *
 * @param member             the peer's node name
 * @param generation         the generation the window belongs to (a restart starts a new one);
 *                           -1 while no heartbeat of the member has reached this detector
 * @param phi                the suspicion level now
 * @param threshold          the phi at which the peer is suspected
 * @param level              phi / threshold: 1.0 and above means suspected
 * @param suspect            whether the peer is suspected now
 * @param meanIntervalMs     the mean inter-arrival interval in the window
 * @param stdDeviationMs     its standard deviation (before the configured floor)
 * @param samples            intervals in the window (the two bootstrap ones included until evicted)
 * @param lastHeartbeatAgeMs time since the last heartbeat (after forgiving local pauses)
 * @param heartbeatsSeen     heartbeats of this generation seen so far (0: timed from the first
 *                           question about the member, as no heartbeat has arrived yet)
 */
public record PeerReport(String member, long generation, double phi, double threshold, double level,
        boolean suspect, double meanIntervalMs, double stdDeviationMs, int samples, double lastHeartbeatAgeMs,
        long heartbeatsSeen) {
}
