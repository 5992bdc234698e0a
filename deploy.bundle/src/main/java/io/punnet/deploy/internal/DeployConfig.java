package io.punnet.deploy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The deploy agent's settings (PID {@value DeployAgent#PID}). */
@ObjectClassDefinition(name = "Punnet deploy", description = "Cluster-wide bundle rollout")
public @interface DeployConfig {

    long MAX_JAR_DEFAULT_BYTES = 32L * 1024 * 1024;
    long ACTIVATION_TIMEOUT_DEFAULT_MS = 30_000;
    long REFRESH_TIMEOUT_DEFAULT_MS = 30_000;
    long RECONCILE_INTERVAL_DEFAULT_MS = 5_000;
    long FETCH_TIMEOUT_DEFAULT_MS = 60_000;
    int MAX_STORED_JARS_DEFAULT = 16;

    @AttributeDefinition(description = "Largest jar accepted and fetched, in bytes. Bigger lets fat bundles"
            + " through; smaller bounds the disk and memory an upload may take on a Pi.")
    long maxJarSizeInBytes() default MAX_JAR_DEFAULT_BYTES;

    @AttributeDefinition(description = "How long an installed bundle may take to become ACTIVE with its"
            + " components satisfied before it is rolled back, in ms. Longer tolerates slow starts;"
            + " shorter restores a broken node sooner.")
    long activationTimeoutInMs() default ACTIVATION_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "How long a package refresh may take, in ms, before the rollout is"
            + " counted as failed.")
    long refreshTimeoutInMs() default REFRESH_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "How often the agent compares the desired state with what runs, in"
            + " ms, besides reacting to gossip at once. The safety net for missed events; also how"
            + " soon a failed fetch is retried.")
    long reconcileIntervalInMs() default RECONCILE_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(description = "Longest fetch of one jar from another node, in ms.")
    long fetchTimeoutInMs() default FETCH_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "Jars kept in the store beyond those the desired state names or"
            + " that run here (count). More lets more nodes fetch old versions from this one; fewer"
            + " saves space on the SD card.")
    int maxStoredJarsInCount() default MAX_STORED_JARS_DEFAULT;
}
