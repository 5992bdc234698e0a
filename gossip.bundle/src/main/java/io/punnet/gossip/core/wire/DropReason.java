package io.punnet.gossip.core.wire;

/**
 * Why an inbound packet was dropped. Each reason has a stable counter name, the key under which it
 * is counted in {@link io.punnet.gossip.api.GossipStats#dropped()} (and so in /metrics).
 */
public enum DropReason {
    /** Shorter than the envelope header, nonce and tag. */
    TOO_SHORT("too-short"),
    /** Larger than the transport allows (a datagram above the MTU budget, a frame above its cap). */
    TOO_BIG("too-big"),
    /** Not a Punnet packet: the first two bytes are not the magic. */
    BAD_MAGIC("bad-magic"),
    /** A protocol version this node does not speak. */
    UNKNOWN_VERSION("unknown-version"),
    /** Sealed with a key whose id is not in this node's key ring (another cluster, an old key). */
    UNKNOWN_KEY("unknown-key"),
    /** The AES-GCM tag did not verify: a wrong key, another cluster name, or tampering. */
    AUTH("auth"),
    /** Authentic, but the plaintext did not decode (see {@link MalformedPacketException}). */
    MALFORMED("malformed"),
    /** The inbound queue was full. */
    OVERFLOW("overflow");

    private final String counterName;

    DropReason(String counterName) {
        this.counterName = counterName;
    }

    /** The stable name this reason is counted under. */
    public String counterName() {
        return counterName;
    }
}
