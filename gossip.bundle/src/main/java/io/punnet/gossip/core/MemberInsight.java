package io.punnet.gossip.core;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.api.Suspicion;

/**
 * Why this node sees a member the way it does, for the REST API to explain: when it was last heard
 * (a newer heartbeat learned by any path), how long it has had its status, which members publish it
 * as a suspect and for how long, and this node's own last verdict on it. Durations are relative to
 * the moment of the query, in nanoseconds.
 *
 * @param name                 the member
 * @param status               its status here
 * @param generation           its generation
 * @param heartbeat            its heartbeat version known here
 * @param lastHeardNanosAgo    since a newer heartbeat of it was learned
 * @param statusForNanos       since it got its status
 * @param suspectedByForNanos  member name to how long it has published this one as suspect
 * @param localSuspicion       this node's last verdict on it (null for itself, or before the first)
 */
public record MemberInsight(String name, MemberStatus status, long generation, long heartbeat,
        long lastHeardNanosAgo, long statusForNanos, SortedMap<String, Long> suspectedByForNanos,
        Suspicion localSuspicion) {

    public MemberInsight {
        suspectedByForNanos = Collections.unmodifiableSortedMap(new TreeMap<>(suspectedByForNanos));
    }
}
