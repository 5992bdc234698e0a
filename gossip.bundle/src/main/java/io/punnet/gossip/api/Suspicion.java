package io.punnet.gossip.api;

/**
 * How suspicious a peer is to this node at one instant.
 *
 * @param phi       the phi accrual value (0 when nothing is late)
 * @param threshold the phi at which the peer is suspected
 * @param suspect   whether this node suspects the peer now
 */
public record Suspicion(double phi, double threshold, boolean suspect) {

    /** Not suspected at all: used for peers with too little history. */
    public static Suspicion none(double threshold) {
        return new Suspicion(0.0, threshold, false);
    }

    /** phi / threshold: 1.0 and above means suspected. */
    public double level() {
        return threshold > 0 ? phi / threshold : 0.0;
    }
}
