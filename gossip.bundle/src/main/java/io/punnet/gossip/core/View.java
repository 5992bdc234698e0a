package io.punnet.gossip.core;

import java.util.List;

/**
 * The members this node knows, in name order, as a compact round sees them: position {@code i} is
 * the i-th member, and the whole list (names and generations) is summed up in a 64-bit hash. Two
 * nodes with the same hash know the same members in the same generations, so a position means the
 * same member to both, and a {@link io.punnet.gossip.core.message.CompactSyn} can leave the names out.
 *
 * <p>The hash is FNV-1a (64 bit) over each name's characters, a separator, and the generation's
 * eight bytes: a function of the list alone, the same on every JVM. Immutable; the
 * {@link MemberTable} builds a new one when a member is added, reaped or restarts.
 */
final class View {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final MemberRecord[] members;
    private final long hash;
    private final int localIndex;

    View(List<MemberRecord> ordered, String localName) {
        this.members = ordered.toArray(new MemberRecord[0]);
        long h = FNV_OFFSET;
        int self = -1;
        for (int i = 0; i < members.length; i++) {
            String name = members[i].name();
            if (name.equals(localName)) {
                self = i;
            }
            h = hash(h, name, members[i].generation());
        }
        this.hash = h;
        this.localIndex = self;
    }

    static long hash(long h, String name, long generation) {
        long x = h;
        for (int c = 0; c < name.length(); c++) {
            x = (x ^ name.charAt(c)) * FNV_PRIME;
        }
        x = (x ^ 0xFFFF) * FNV_PRIME;
        for (int shift = 56; shift >= 0; shift -= 8) {
            x = (x ^ (generation >>> shift & 0xFF)) * FNV_PRIME;
        }
        return x;
    }

    long hash() {
        return hash;
    }

    int size() {
        return members.length;
    }

    MemberRecord at(int position) {
        return members[position];
    }

    /** This node's own position. */
    int localIndex() {
        return localIndex;
    }
}
