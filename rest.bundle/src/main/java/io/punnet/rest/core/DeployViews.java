package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.RolloutStatus;

/**
 * The JSON shapes of the deploy API's records, written out member by member so that a change in a
 * record is a change here, never a silent change on the wire:
 * <pre>
 *   bundle:  {"symbolicName", "version", "state", "digest"}
 *   rollout: {"id", "symbolicName", "version", "sha256", "target", "phase", "done", "canaryNode",
 *             "nodes": [{"node", "state", "reason"}, …]}
 * </pre>
 * {@code done} is true once the phase is no longer CANARY or IN_PROGRESS (what a client polls for).
 */
public final class DeployViews {

    private DeployViews() {
    }

    /** {@code {"nodes": {name: [bundle, …]}}}, nodes by name. */
    public static Map<String, Object> bundles(Map<String, List<BundleInfo>> byNode) {
        Map<String, Object> nodes = new TreeMap<>();
        byNode.forEach((node, list) -> nodes.put(node, bundleList(list)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodes", nodes);
        return body;
    }

    /** One node's bundles, or null for null (deploy not running). */
    public static List<Object> bundleList(List<BundleInfo> bundles) {
        if (bundles == null) {
            return null;
        }
        List<Object> list = new ArrayList<>(bundles.size());
        for (BundleInfo b : bundles) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("symbolicName", b.symbolicName());
            view.put("version", b.version());
            view.put("state", b.state());
            view.put("digest", b.digest());
            list.add(view);
        }
        return list;
    }

    /** One rollout. */
    public static Map<String, Object> rollout(RolloutStatus r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("symbolicName", r.symbolicName());
        view.put("version", r.version());
        view.put("sha256", r.sha256());
        view.put("target", r.target());
        view.put("phase", r.phase().name());
        view.put("done", r.phase() != RolloutStatus.Phase.CANARY && r.phase() != RolloutStatus.Phase.IN_PROGRESS);
        view.put("canaryNode", r.canaryNode());
        List<Object> nodes = new ArrayList<>(r.nodes().size());
        for (NodeProgress p : r.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("node", p.node());
            node.put("state", p.state().name());
            node.put("reason", p.reason());
            nodes.add(node);
        }
        view.put("nodes", nodes);
        return view;
    }

    /** {@code {"rollouts": [rollout, …]}} in the order given (newest first). */
    public static Map<String, Object> rollouts(List<RolloutStatus> rollouts) {
        List<Object> list = new ArrayList<>(rollouts.size());
        rollouts.forEach(r -> list.add(rollout(r)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rollouts", list);
        return body;
    }
}
