package io.punnet.gossip.core.message;

import java.util.List;
import java.util.Map;

import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * The encoded size of a message, before encryption, for the compact codec the protocol assumes:
 * one byte of message type, unsigned LEB128 varints for every number, a varint length before every
 * UTF-8 string, a varint count before every list and map, one byte per flag. The engine uses it to
 * fill datagrams up to their budget; the wire codec must never write more than this for a message.
 *
 * <p>All methods are pure functions.
 */
public final class MessageSize {

    /** A view hash: 8 bytes, big-endian. */
    public static final int VIEW_HASH_BYTES = 8;
    /** One compact entry: 16 bits of heartbeat, 16 of state version. */
    public static final int COMPACT_ENTRY_BYTES = 4;

    private MessageSize() {
    }

    /** Bytes of one message. */
    public static int of(Message message) {
        return 1 + body(message);
    }

    private static int body(Message message) {
        if (message instanceof Syn s) {
            return digests(s.digests()) + 1;
        } else if (message instanceof Ack a) {
            return digests(a.requests()) + states(a.deltas());
        } else if (message instanceof Ack2 a) {
            return states(a.deltas());
        } else if (message instanceof Rumor r) {
            return 1 + state(r.subject()) + varint(r.baseStateVersion());
        } else if (message instanceof PushPullRequest p) {
            return states(p.states()) + 1;
        } else if (message instanceof CompactSyn c) {
            return compactSyn(c.viewSize(), c.offset(), c.count());
        } else if (message instanceof CompactAck c) {
            return compactAckEntries(c) + states(c.deltas());
        } else if (message instanceof DigestPull d) {
            return digests(d.digests());
        } else {
            return states(((PushPullResponse) message).states());
        }
    }

    /** Bytes of a compact SYN's body: view hash, size, offset, count, 4 bytes per entry. */
    public static int compactSyn(int viewSize, int offset, int count) {
        return VIEW_HASH_BYTES + varint(viewSize) + varint(offset) + varint(count) + COMPACT_ENTRY_BYTES * count;
    }

    private static int compactAckEntries(CompactAck c) {
        int n = VIEW_HASH_BYTES + varint(c.count());
        int previous = -1;
        for (int i = 0; i < c.count(); i++) {
            n += compactAckEntry(c.position(i) - previous - 1);
            previous = c.position(i);
        }
        return n;
    }

    /** Bytes of one compact ACK entry {@code gap} positions after the previous one. */
    public static int compactAckEntry(int gap) {
        return varint(gap) + COMPACT_ENTRY_BYTES;
    }

    /** Bytes of one digest. */
    public static int digest(GossipDigest d) {
        return string(d.name()) + varint(d.generation()) + varint(d.heartbeat()) + varint(d.stateVersion());
    }

    /** Bytes of one endpoint state (full or delta). */
    public static int state(EndpointState s) {
        int n = string(s.name()) + string(s.endpoint().host()) + varint(s.endpoint().port())
                + varint(s.heartbeat().generation()) + varint(s.heartbeat().version())
                + varint(s.applicationState().size());
        for (Map.Entry<String, VersionedValue> e : s.applicationState().entrySet()) {
            n += value(e.getKey(), e.getValue());
        }
        return n;
    }

    /** Bytes of one application-state entry (key, value, version). */
    public static int value(String key, VersionedValue v) {
        return string(key) + string(v.value()) + varint(v.version());
    }

    /** Bytes of a list count. */
    public static int count(int n) {
        return varint(n);
    }

    /** Bytes of an unsigned LEB128 varint. */
    public static int varint(long v) {
        if (v < 0) {
            return 10;
        }
        int bytes = 1;
        while ((v >>>= 7) != 0) {
            bytes++;
        }
        return bytes;
    }

    /** Bytes of a length-prefixed UTF-8 string. */
    public static int string(String s) {
        int len = utf8Length(s);
        return varint(len) + len;
    }

    /** The UTF-8 length of a string (unpaired surrogates count as '?', one byte, as the JDK encodes them). */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static int digests(List<GossipDigest> ds) {
        int n = count(ds.size());
        for (GossipDigest d : ds) {
            n += digest(d);
        }
        return n;
    }

    private static int states(List<EndpointState> ss) {
        int n = count(ss.size());
        for (EndpointState s : ss) {
            n += state(s);
        }
        return n;
    }
}
