package io.punnet.gossip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The tuning of gossip (configuration pid {@code io.punnet.gossip}). Who the node is (name, address,
 * port, seeds, cluster name and key) comes from framework properties instead, see
 * {@link NodeSettings}. The defaults suit a LAN of a few dozen Pis; a change restarts the component,
 * and so gives the node a new generation.
 */
@ObjectClassDefinition(name = "Punnet gossip",
        description = "Tuning of the gossip protocol: rounds, rumors, failure detection, limits.")
@interface GossipConfig {

    String PID = "io.punnet.gossip";

    long ROUND_INTERVAL_DEFAULT_MS = 1_000;
    int RUMOR_FANOUT_DEFAULT = 3;
    int CONFIRMATIONS_DEFAULT = 2;
    long SUSPICION_TIMEOUT_DEFAULT_MS = 20_000;
    long FAILURE_TIMEOUT_DEFAULT_MS = 5_000;
    long REAP_DELAY_DEFAULT_MS = 600_000;
    long PUSH_PULL_INTERVAL_DEFAULT_MS = 30_000;
    long PAUSE_THRESHOLD_DEFAULT_MS = 3_000;
    long PAUSE_GRACE_DEFAULT_MS = 5_000;
    int MAX_DATAGRAM_DEFAULT_BYTES = 1_400;
    int MAX_FRAME_DEFAULT_BYTES = 1024 * 1024;
    int IO_TIMEOUT_DEFAULT_MS = 5_000;
    int MAX_CONNECTIONS_DEFAULT = 4;
    int QUEUE_DEPTH_DEFAULT = 1_024;
    int EVENT_QUEUE_DEPTH_DEFAULT = 10_000;

    @AttributeDefinition(description = "Time between two gossip rounds. Each round bumps the heartbeat and opens one "
            + "exchange; shorter detects failures sooner and costs bandwidth in proportion.")
    long roundIntervalInMs() default ROUND_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(description = "Peers a rumor (join, leave, death, state change) is pushed to on first "
            + "hearing. Higher spreads news in fewer hops; each piece of news costs about fanout x N datagrams.")
    int rumorFanout() default RUMOR_FANOUT_DEFAULT;

    @AttributeDefinition(description = "k: other live members that must also suspect a member before this node "
            + "convicts it. Higher resists a single lossy link; lower convicts sooner.")
    int confirmations() default CONFIRMATIONS_DEFAULT;

    @AttributeDefinition(description = "A suspicion nobody confirms becomes a DEAD verdict after this long.")
    long suspicionTimeoutInMs() default SUSPICION_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "Without a failure detector service, a member with no newer heartbeat for "
            + "this long is suspected.")
    long failureTimeoutInMs() default FAILURE_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "DEAD and LEFT members are removed this long after the verdict. Longer "
            + "lets a healed partition revive them by gossip; shorter forgets departed nodes sooner.")
    long reapDelayInMs() default REAP_DELAY_DEFAULT_MS;

    @AttributeDefinition(description = "A full state exchange over TCP with one random peer every this long: "
            + "repairs whatever the size-bounded datagrams left behind.")
    long pushPullIntervalInMs() default PUSH_PULL_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(description = "A gap between two rounds longer than this means this node itself was "
            + "paused (GC, a starved CPU).")
    long pauseThresholdInMs() default PAUSE_THRESHOLD_DEFAULT_MS;

    @AttributeDefinition(description = "After such a pause, nobody is newly suspected or convicted for this long: "
            + "the silence was ours.")
    long pauseGraceInMs() default PAUSE_GRACE_DEFAULT_MS;

    @AttributeDefinition(description = "Largest UDP datagram, encryption included (32 bytes). Keep it under the "
            + "path MTU (1,500 on Ethernet, less IP/UDP headers and any tunnel) so datagrams are never fragmented.")
    int maxDatagramBytes() default MAX_DATAGRAM_DEFAULT_BYTES;

    @AttributeDefinition(description = "Largest TCP push-pull frame sent or accepted. It must hold the whole "
            + "cluster state: about 300 bytes per member as the bundles publish it today, 16 KiB at most, so "
            + "1 MiB holds 64 members even at the maximum. It also bounds what a peer can make this node "
            + "allocate: up to about three times this per open stream, against a Pi heap of 96 MiB.")
    int maxFrameBytes() default MAX_FRAME_DEFAULT_BYTES;

    @AttributeDefinition(description = "TCP connect timeout, and the whole time one push-pull frame may take.")
    int ioTimeoutInMs() default IO_TIMEOUT_DEFAULT_MS;

    @AttributeDefinition(description = "Push-pull streams open at once, each way; more are refused at once. "
            + "Push-pulls are rare (one per node every push-pull interval, and joins), so a few suffice; each "
            + "open stream may hold a frame of maxFrameBytes in memory.")
    int maxConnections() default MAX_CONNECTIONS_DEFAULT;

    @AttributeDefinition(description = "Received messages waiting for the protocol thread; beyond this they are "
            + "dropped and counted as 'overflow' (gossip tolerates loss; an unbounded queue would not fit a Pi).")
    int queueDepth() default QUEUE_DEPTH_DEFAULT;

    @AttributeDefinition(description = "Cluster events waiting for the listeners; beyond this they are dropped "
            + "(and logged), so a stuck listener cannot exhaust memory.")
    int eventQueueDepth() default EVENT_QUEUE_DEPTH_DEFAULT;
}
