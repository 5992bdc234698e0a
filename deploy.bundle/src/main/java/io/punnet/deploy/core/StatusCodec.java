package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.punnet.deploy.api.NodeState;

/**
 * A node's rollout reports, gossiped under {@value #KEY}:
 * {@code 1|<rollout id>;<entry version>;<symbolic name>;<state>;<reason>|…} (ids in base 36).
 *
 * <p>One report per symbolic name (the latest); reasons are cleaned of the separators and cut to
 * {@value #MAX_REASON} characters, then the oldest reports are left out until the value fits in
 * {@value DesiredStateCodec#MAX_BYTES} bytes. Decoding never throws; malformed reports are skipped.
 */
public final class StatusCodec {

    /** The application-state key. */
    public static final String KEY = "deploy.status";

    /** Longest reason gossiped. */
    public static final int MAX_REASON = 160;

    public String encode(List<NodeReport> reports) {
        Map<String, NodeReport> latest = new LinkedHashMap<>();
        for (NodeReport r : reports) {
            latest.merge(r.symbolicName(), r, (a, b) -> a.entryVersion() >= b.entryVersion() ? a : b);
        }
        List<NodeReport> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparingLong(NodeReport::entryVersion).reversed());
        StringBuilder out = new StringBuilder("1");
        for (NodeReport r : sorted) {
            String text = RolloutIds.format(r.rolloutId()) + ";" + Long.toString(r.entryVersion(), 36) + ";"
                    + r.symbolicName() + ";" + r.state().name() + ";" + clean(r.reason());
            if (out.length() + 1 + text.length() <= DesiredStateCodec.MAX_BYTES) {
                out.append('|').append(text);
            }
        }
        return out.toString();
    }

    public List<NodeReport> decode(String value) {
        if (value == null || value.length() > 4 * DesiredStateCodec.MAX_BYTES) {
            return List.of();
        }
        String[] parts = value.split("\\|", -1);
        if (!"1".equals(parts[0])) {
            return List.of();
        }
        List<NodeReport> reports = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String[] f = parts[i].split(";", -1);
            if (f.length != 5 || !DesiredStateCodec.isGossipableName(f[2])) {
                continue;
            }
            try {
                reports.add(new NodeReport(Long.parseLong(f[0], 36), Long.parseLong(f[1], 36), f[2],
                        NodeState.valueOf(f[3]), f[4]));
            } catch (IllegalArgumentException malformed) {
                // skipped: another version's state name, or a damaged number
            }
        }
        return List.copyOf(reports);
    }

    /** A reason fit for gossip: one line, no separators, at most {@value #MAX_REASON} characters. */
    static String clean(String reason) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reason.length() && out.length() < MAX_REASON; i++) {
            char c = reason.charAt(i);
            out.append(c == '|' || c == ';' || c < 32 || c > 126 ? ' ' : c);
        }
        return out.toString().strip();
    }
}
