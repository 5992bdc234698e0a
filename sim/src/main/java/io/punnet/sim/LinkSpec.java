package io.punnet.sim;

/**
 * How a directed link behaves: the chance each datagram is lost, the one-way latency and a uniform
 * jitter added to it (so datagrams can be reordered).
 *
 * @param loss          0..1
 * @param latencyNanos  base one-way delay
 * @param jitterNanos   extra delay, uniform in [0, jitter)
 */
public record LinkSpec(double loss, long latencyNanos, long jitterNanos) {

    public LinkSpec {
        if (loss < 0 || loss > 1 || latencyNanos < 0 || jitterNanos < 0) {
            throw new IllegalArgumentException("bad link spec");
        }
    }

    /** A LAN: no loss, 0.5 ms plus up to 1 ms of jitter. */
    public static LinkSpec lan() {
        return new LinkSpec(0, 500_000, 1_000_000);
    }

    /** This link with another loss. */
    public LinkSpec withLoss(double newLoss) {
        return new LinkSpec(newLoss, latencyNanos, jitterNanos);
    }
}
