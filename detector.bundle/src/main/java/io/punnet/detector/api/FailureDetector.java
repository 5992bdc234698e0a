package io.punnet.detector.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The phi accrual failure detector of this node, as a read-only view. Every method answers for
 * "now" on the node's monotonic clock, never blocks on the network, and is safe to call from any
 * thread concurrently with gossip.
 */
@ProviderType
public interface FailureDetector {

    /** The assessment of one member, or empty when no heartbeat of it has been seen (or it was forgotten). */
    Optional<PeerAssessment> assess(String member);

    /** The assessments of every member with a heartbeat history, sorted by member name. */
    List<PeerAssessment> assessAll();

    /** The phi at and above which a member is suspected. */
    double threshold();

    /** How many times this node noticed it had itself been paused and forgave its peers for it. */
    long localPauses();
}
