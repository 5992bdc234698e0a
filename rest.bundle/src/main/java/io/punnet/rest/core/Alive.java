package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

/**
 * Which members count as alive for the original routes and the inventory: status ALIVE (a suspect
 * is left out until its heartbeats are on time again, so that scripts never pick a node that is
 * probably down), this node included. Sorted by name, so every answer lists nodes in one order.
 */
final class Alive {

    private Alive() {
    }

    static List<Member> members(Cluster cluster) {
        List<Member> alive = new ArrayList<>();
        for (Member member : sorted(cluster.members())) {
            if (member.status() == MemberStatus.ALIVE) {
                alive.add(member);
            }
        }
        return alive;
    }

    static List<Member> sorted(List<Member> members) {
        List<Member> copy = new ArrayList<>(members);
        copy.sort(Comparator.comparing(Member::name));
        return copy;
    }
}
