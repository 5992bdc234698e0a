package io.punnet.detector.api;

/**
 * What this node thinks of one peer at one instant, with the evidence.
 *
 * @param member             the peer's node name
 * @param generation         the generation (boot time) whose heartbeats are judged; -1 while no
 *                           heartbeat of the member has reached the detector (it was just started)
 * @param phi                the suspicion level now: -log10 of the probability that a heartbeat
 *                           would still be missing this long under the observed intervals
 * @param threshold          the phi at which the peer is suspected
 * @param level              phi / threshold: 1.0 and above means suspected
 * @param suspect            whether this node suspects the peer now
 * @param meanIntervalMs     the mean interval between the peer's heartbeats as seen here
 * @param stdDeviationMs     the standard deviation of those intervals
 * @param samples            how many intervals the estimate rests on
 * @param lastHeartbeatAgeMs time since the last heartbeat (local pauses excluded)
 * @param heartbeatsSeen     heartbeats of this generation seen so far (0 before the first)
 */
public record PeerAssessment(String member, long generation, double phi, double threshold, double level,
        boolean suspect, double meanIntervalMs, double stdDeviationMs, int samples, double lastHeartbeatAgeMs,
        long heartbeatsSeen) {
}
