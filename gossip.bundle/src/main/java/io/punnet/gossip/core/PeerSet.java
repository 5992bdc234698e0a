package io.punnet.gossip.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of member records with O(1) add, remove and random access, for picking random peers in big
 * clusters. The order is the order of operations (a removal moves the last element into the gap):
 * deterministic, since it depends only on what happened, never on hash codes.
 */
final class PeerSet extends AbstractList<MemberRecord> {

    private final List<MemberRecord> items = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    void include(MemberRecord r) {
        if (!positions.containsKey(r.name())) {
            positions.put(r.name(), items.size());
            items.add(r);
        }
    }

    void exclude(MemberRecord r) {
        Integer at = positions.remove(r.name());
        if (at == null) {
            return;
        }
        MemberRecord last = items.remove(items.size() - 1);
        if (at < items.size()) {
            items.set(at, last);
            positions.put(last.name(), at);
        }
    }

    @Override
    public MemberRecord get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
