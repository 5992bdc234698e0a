package io.punnet.rest.core;

import io.punnet.deploy.api.Deployments;
import io.punnet.detector.api.FailureDetector;
import io.punnet.gossip.api.Cluster;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.monitoring.api.ClusterMetrics;

/**
 * The services the API reads, as one copy taken at the start of a call: each may be null while its
 * bundle is stopped or being swapped, and a route answers without that part (nulls), or 503 when
 * it cannot answer at all. Copying once means a call never sees a service vanish half-way through
 * (a call may still get an {@link IllegalStateException} from a service that is stopping: 503).
 */
public record Sources(Cluster cluster, ClusterMetrics metrics, MetadataStore metadata, FailureDetector detector,
        Deployments deployments) {

    /** The cluster, or an {@link IllegalStateException} (503) while gossip is not there. */
    public Cluster requireCluster() {
        if (cluster == null) {
            throw new IllegalStateException("gossip is not running on this node");
        }
        return cluster;
    }

    /** The meta-data store, or an {@link IllegalStateException} (503) while it is not there. */
    public MetadataStore requireMetadata() {
        if (metadata == null) {
            throw new IllegalStateException("the meta-data service is not running on this node");
        }
        return metadata;
    }

    /** The deploy service, or an {@link IllegalStateException} (503) while it is not there. */
    public Deployments requireDeployments() {
        if (deployments == null) {
            throw new IllegalStateException("the deploy service is not running on this node");
        }
        return deployments;
    }
}
