package io.punnet.rest.core;

import java.util.LinkedHashMap;
import java.util.Map;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.Member;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.monitoring.api.MetricsReading;

/**
 * Turns cluster events into Server-Sent Events frames for {@code GET /api/v1/events}:
 * <pre>
 *   id: 42
 *   event: member.status
 *   data: {"type":"STATUS_CHANGED","node":"pi-3","status":"SUSPECT","previousStatus":"ALIVE","key":null,"generation":…}
 * </pre>
 * Event names: {@code member.joined}, {@code member.status}, {@code member.restarted},
 * {@code member.removed}, {@code member.state} (any application-state key), and for the keys that
 * the dashboard follows: {@code monitoring} (with the node's new figures), {@code metadata} (read
 * the new services and tags from {@code /api/v1/nodes/{name}/meta-data}) and {@code suspects}
 * (whom the node suspects now), and {@code rollout} when a node's rollout progress or the desired
 * rollouts change (read them from {@code /api/v1/rollouts}). A comment line
 * ({@link #KEEP_ALIVE}) is sent when nothing else was, so proxies keep the stream open.
 */
public final class EventFrames {

    /** The application-state key the monitoring bundle publishes its samples under. */
    public static final String MONITORING_KEY = "mon";
    /** The application-state key the meta-data bundle publishes under. */
    public static final String METADATA_KEY = "meta";

    /** The application-state key in which each node gossips its rollout progress. */
    public static final String DEPLOY_STATUS_KEY = "deploy.status";
    /** The application-state key that carries the cluster's desired rollouts. */
    public static final String DEPLOY_DESIRED_KEY = "deploy.desired";

    /** A comment frame: ignored by clients, but traffic for proxies and dead-peer detection. */
    public static final String KEEP_ALIVE = ": keep-alive\n\n";

    private final Json json;

    public EventFrames(Json json) {
        this.json = json;
    }

    /** The first frame of every stream: how long to wait before reconnecting, and who answers. */
    public String hello(String node) {
        return "retry: 3000\nevent: hello\ndata: " + json.text(Map.of("node", node)) + "\n\n";
    }

    /** One event as a frame; {@code metrics} may be null (no figures in monitoring events then). */
    public String frame(long id, ClusterEvent event, ClusterMetrics metrics) {
        Member member = event.member();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", event.type().name());
        data.put("node", member.name());
        data.put("status", member.status().name());
        data.put("previousStatus", event.previousStatus() == null ? null : event.previousStatus().name());
        data.put("key", event.key());
        data.put("generation", member.generation());
        String name = name(event);
        switch (name) {
            case "monitoring" -> data.put("monitoring", figures(member.name(), metrics));
            case "suspects" -> data.put("suspects", NodeView.suspects(member));
            default -> { } // the type says it all
        }
        return "id: " + id + "\nevent: " + name + "\ndata: " + json.text(data) + "\n\n";
    }

    static String name(ClusterEvent event) {
        return switch (event.type()) {
            case JOINED -> "member.joined";
            case STATUS_CHANGED -> "member.status";
            case RESTARTED -> "member.restarted";
            case REMOVED -> "member.removed";
            case STATE_CHANGED -> switch (String.valueOf(event.key())) {
                case MONITORING_KEY -> "monitoring";
                case METADATA_KEY -> "metadata";
                case NodeView.SUSPECTS_KEY -> "suspects";
                case DEPLOY_STATUS_KEY, DEPLOY_DESIRED_KEY -> "rollout";
                default -> "member.state";
            };
        };
    }

    private static Map<String, Object> figures(String node, ClusterMetrics metrics) {
        if (metrics == null) {
            return null;
        }
        try {
            MetricsReading reading = metrics.of(node).orElse(null);
            return reading == null ? null : NodeView.monitoring(reading);
        } catch (IllegalStateException stopping) {
            return null;
        }
    }
}
