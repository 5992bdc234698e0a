package io.punnet.gossip.core.wire;

import io.punnet.gossip.core.message.Message;

/** What {@link PacketCodec#read} made of one packet: a message, or why it was dropped. */
public sealed interface Received {

    /**
     * An authentic, well-formed message.
     *
     * @param message   the message
     * @param wireBytes the size of the sealed packet
     */
    record Ok(Message message, int wireBytes) implements Received {
    }

    /**
     * A packet that did not become a message.
     *
     * @param reason why
     * @param detail for {@link DropReason#MALFORMED}, what was wrong (for a debug log); otherwise empty
     */
    record Dropped(DropReason reason, String detail) implements Received {
    }
}
