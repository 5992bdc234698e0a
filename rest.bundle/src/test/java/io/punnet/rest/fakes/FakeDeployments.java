package io.punnet.rest.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.RolloutStatus;

/**
 * A Deployments that records what it was given: it reads the posted jar to {@code cap} bytes (a
 * longer one is refused TOO_LARGE, as the real one does), or throws the refusal it was told to.
 */
public final class FakeDeployments implements Deployments {

    /** One submission as received. */
    public record Submission(byte[] jar, String target, DeployOptions options) {
    }

    public final List<Submission> submitted = new ArrayList<>();
    public final Map<String, List<BundleInfo>> bundles = new LinkedHashMap<>();
    public final List<RolloutStatus> rollouts = new ArrayList<>();
    public DeploymentRefusedException refusal;
    public IOException failure;
    public int cap = 1024;
    public int bytesRead;

    @Override
    public String submit(InputStream jar, String target, DeployOptions options) throws IOException {
        byte[] bytes = jar.readNBytes(cap + 1);
        bytesRead = bytes.length;
        if (failure != null) {
            throw failure;
        }
        if (refusal != null) {
            throw refusal;
        }
        if (bytes.length > cap) {
            throw new DeploymentRefusedException(DeploymentRefusedException.Reason.TOO_LARGE,
                    "the jar is larger than " + cap + " bytes");
        }
        submitted.add(new Submission(bytes, target, options));
        return "r" + submitted.size();
    }

    @Override
    public Optional<RolloutStatus> rollout(String id) {
        return rollouts.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<RolloutStatus> rollouts() {
        return List.copyOf(rollouts);
    }

    @Override
    public Map<String, List<BundleInfo>> bundles() {
        return Map.copyOf(bundles);
    }

    @Override
    public Optional<InputStream> openArtifact(String sha256) {
        return Optional.empty();
    }
}
