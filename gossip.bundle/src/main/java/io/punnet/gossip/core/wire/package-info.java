/**
 * The gossip wire format, pure Java (no sockets, no threads, no clocks): what bytes a message is.
 *
 * <p>Read it bottom up:
 * <ol>
 * <li>{@link io.punnet.gossip.core.wire.WireWriter} / {@link io.punnet.gossip.core.wire.WireReader}:
 *     bounded primitives (varints, zig-zag, length-prefixed UTF-8, counted lists); the reader trusts
 *     nothing and fails only with {@link io.punnet.gossip.core.wire.MalformedPacketException};</li>
 * <li>{@link io.punnet.gossip.core.wire.MessageCodec} (with {@code ModelCodec}): every message of
 *     {@code core.message} to exactly {@code MessageSize.of(message)} bytes and back, canonically;</li>
 * <li>{@link io.punnet.gossip.core.wire.Envelope}: magic, version, key id, nonce and AES-GCM with the
 *     cluster name as associated data, keys from a {@link io.punnet.gossip.core.wire.KeyRing};
 *     opening returns a verdict, never an exception;</li>
 * <li>{@link io.punnet.gossip.core.wire.PacketCodec}: the two together, which is all a transport
 *     needs; a packet that does not make it is a {@link io.punnet.gossip.core.wire.DropReason}.</li>
 * </ol>
 * The format is versioned ({@link io.punnet.gossip.core.wire.ProtocolVersion}); message ids and
 * rumor kinds are append-only; golden-bytes tests pin every layout.
 */
package io.punnet.gossip.core.wire;
