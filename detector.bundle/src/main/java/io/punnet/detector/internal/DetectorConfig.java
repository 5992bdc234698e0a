package io.punnet.detector.internal;

import io.punnet.detector.core.DetectorSettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of the failure detector (pid {@value PhiAccrualComponent#PID}). The defaults
 * are tuned for 1 s gossip rounds; {@link DetectorSettings} explains each number.
 */
@ObjectClassDefinition(name = "Punnet failure detector",
        description = "Phi accrual failure detection of cluster members. Defaults suit 1 s gossip rounds on a LAN.")
@interface DetectorConfig {

    @AttributeDefinition(name = "Threshold (phi)", description = "Phi at which a member is suspected: 8 means a "
            + "heartbeat this late would come once in 10^8 under the observed intervals. Higher: fewer false "
            + "suspicions, slower detection (from 8 to 9 adds 0.3 standard deviations of the intervals, "
            + "about 0.12 s on a LAN).")
    double thresholdPhi() default DetectorSettings.THRESHOLD_DEFAULT;

    @AttributeDefinition(name = "Window size (samples)", description = "Heartbeat arrivals kept per member. "
            + "Larger: steadier estimates; smaller: faster adaptation when a link turns lossy. 2 to 2000.")
    int windowSizeInSamples() default DetectorSettings.WINDOW_SIZE_DEFAULT;

    @AttributeDefinition(name = "Minimum standard deviation (ms)", description = "Floor of the "
            + "deviation used by phi (of the heartbeat versions' arrival times; of the intervals for heartbeats without "
            + "a version). Smaller: faster detection on regular networks, but false suspicions "
            + "at the first burst of loss.")
    long minStdDeviationInMs() default DetectorSettings.MIN_STD_DEVIATION_DEFAULT_MS;

    @AttributeDefinition(name = "Acceptable heartbeat pause (ms)", description = "Slack added to when "
            + "the next heartbeat is due. Each ms tolerates a ms longer gap and delays detection by a ms.")
    long acceptableHeartbeatPauseInMs() default DetectorSettings.ACCEPTABLE_HEARTBEAT_PAUSE_DEFAULT_MS;

    @AttributeDefinition(name = "First heartbeat estimate (ms)", description = "Interval assumed for a "
            + "member with no history yet; set it to the gossip interval.")
    long firstHeartbeatEstimateInMs() default DetectorSettings.FIRST_HEARTBEAT_ESTIMATE_DEFAULT_MS;

    @AttributeDefinition(name = "Interval ceiling (ms)", description = "No heartbeat interval is recorded as "
            + "longer than this. Below it, an interval longer than the threshold crossing (a healed partition) "
            + "is recorded as the crossing, so one outage does not make the detector deaf while a lossy link's "
            + "long gaps are still learned. Lower: less deafness after outages, more false suspicions on very "
            + "lossy links. At most 60000.")
    long maxIntervalInMs() default DetectorSettings.MAX_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(name = "Maximum local pause (ms)", description = "A gap in this node's own activity "
            + "longer than this is a local pause (GC, starved CPU) and is not held against any member. Above the "
            + "gossip interval, below the detection time.")
    long maxLocalPauseInMs() default DetectorSettings.MAX_LOCAL_PAUSE_DEFAULT_MS;
}
