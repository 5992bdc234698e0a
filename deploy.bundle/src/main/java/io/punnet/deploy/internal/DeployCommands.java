package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.RolloutStatus;

/**
 * Gogo commands ({@code punnet:deploy}, {@code punnet:rollouts}, {@code punnet:bundles}), found by
 * the shell through the {@code osgi.command.*} service properties; no Gogo type is needed.
 *
 * <pre>
 * g! punnet:deploy /tmp/hello.jar                  (target all)
 * g! punnet:deploy /tmp/hello.jar tag:kitchen canary,force
 * g! punnet:rollouts            g! punnet:rollouts m3k9x2ab
 * g! punnet:bundles
 * </pre>
 */
@Component(service = DeployCommands.class, property = {"osgi.command.scope=punnet",
        "osgi.command.function=deploy", "osgi.command.function=rollouts", "osgi.command.function=bundles"})
public final class DeployCommands {

    private final Deployments deployments;

    @Activate
    public DeployCommands(@Reference Deployments deployments) {
        this.deployments = deployments;
    }

    public String deploy(String jar) throws IOException {
        return deploy(jar, "all");
    }

    public String deploy(String jar, String target) throws IOException {
        return deploy(jar, target, "");
    }

    /** Deploys a jar file; flags is a comma-separated subset of force, canary, gossip. */
    public String deploy(String jar, String target, String flags) throws IOException {
        List<String> f = List.of(flags.split(","));
        DeployOptions options = new DeployOptions(f.contains("force"), f.contains("canary"), f.contains("gossip"), null);
        try (InputStream in = Files.newInputStream(Path.of(jar))) {
            return "rollout " + deployments.submit(in, target, options);
        } catch (DeploymentRefusedException e) {
            return "refused (" + e.reason() + "): " + e.getMessage();
        }
    }

    public String rollouts() {
        StringBuilder out = new StringBuilder();
        for (RolloutStatus r : deployments.rollouts()) {
            out.append(String.format("%-10s %-12s %s %s -> %s%n", r.id(), r.phase(), r.symbolicName(), r.version(),
                    r.target()));
        }
        return out.length() == 0 ? "no rollouts" : out.toString();
    }

    public String rollouts(String id) {
        return deployments.rollout(id).map(r -> {
            StringBuilder out = new StringBuilder(r.id() + " " + r.phase() + " " + r.symbolicName() + " " + r.version()
                    + " sha256 " + r.sha256() + " -> " + r.target() + "\n");
            for (NodeProgress n : r.nodes()) {
                out.append(String.format("  %-20s %-12s %s%n", n.node(), n.state(), n.reason()));
            }
            return out.toString();
        }).orElse("no rollout " + id);
    }

    public String bundles() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<BundleInfo>> node : deployments.bundles().entrySet()) {
            out.append(node.getKey()).append('\n');
            for (BundleInfo b : node.getValue()) {
                out.append(String.format("  %-50s %-20s %-10s %s%n", b.symbolicName(), b.version(), b.state(), b.digest()));
            }
        }
        return out.toString();
    }
}
