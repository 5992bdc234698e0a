package io.punnet.gossip.core.wire;

/** What {@link Envelope#open} made of one packet: its authentic plaintext, or why it was dropped. */
public sealed interface Opened {

    /**
     * An authentic packet.
     *
     * @param plaintext the decrypted message bytes (owned by the caller)
     * @param version   the protocol version the sender wrote
     */
    record Ok(byte[] plaintext, int version) implements Opened {
    }

    /** A packet that was not opened, and why. */
    record Dropped(DropReason reason) implements Opened {
    }
}
