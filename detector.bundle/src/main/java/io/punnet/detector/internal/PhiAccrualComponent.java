package io.punnet.detector.internal;

import io.punnet.detector.api.FailureDetector;
import io.punnet.detector.api.PeerAssessment;
import io.punnet.detector.core.DetectorSettings;
import io.punnet.detector.core.PeerReport;
import io.punnet.detector.core.PhiAccrualDetector;
import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Suspicion;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector as a service: gossip finds it as its {@link Liveness}, REST and the dashboard as
 * a {@link FailureDetector}. All logic is in {@link PhiAccrualDetector}; this class only reads the
 * configuration and supplies "now" from {@link System#nanoTime()} for the read-only API (gossip
 * passes its own, from the same clock).
 *
 * <p>A configuration change replaces the detector with one carrying every member over
 * ({@link PhiAccrualDetector#reconfigured}): each keeps its generation and is timed from its last
 * heartbeat, judged by the new bootstrap estimate until it has history again.
 */
@Component(service = {Liveness.class, FailureDetector.class}, configurationPid = PhiAccrualComponent.PID)
@Designate(ocd = DetectorConfig.class)
public final class PhiAccrualComponent implements Liveness, FailureDetector {

    static final String PID = "io.punnet.detector";
    private static final Logger LOG = LoggerFactory.getLogger(PhiAccrualComponent.class);

    private volatile PhiAccrualDetector detector = new PhiAccrualDetector(DetectorSettings.defaults());

    @Activate
    void activate(DetectorConfig config) {
        configure(config);
    }

    @Modified
    void modified(DetectorConfig config) {
        configure(config);
    }

    private void configure(DetectorConfig config) {
        DetectorSettings settings;
        try {
            settings = settingsOf(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid failure detector configuration, using the defaults: {}", e.getMessage());
            settings = DetectorSettings.defaults();
        }
        detector = detector.reconfigured(settings);
        LOG.info("Failure detector configured: {}", settings);
    }

    static DetectorSettings settingsOf(DetectorConfig config) {
        return new DetectorSettings(config.windowSizeInSamples(), config.thresholdPhi(),
                config.minStdDeviationInMs(), config.acceptableHeartbeatPauseInMs(),
                config.firstHeartbeatEstimateInMs(), config.maxIntervalInMs(), config.maxLocalPauseInMs());
    }

    @Override
    public void heartbeat(String member, long generation, long nowNanos) {
        detector.heartbeat(member, generation, nowNanos);
    }

    @Override
    public void forget(String member) {
        detector.forget(member);
    }

    @Override
    public Suspicion suspicion(String member, long nowNanos) {
        return detector.suspicion(member, nowNanos);
    }

    @Override
    public Optional<PeerAssessment> assess(String member) {
        return detector.report(member, System.nanoTime()).map(PhiAccrualComponent::assessmentOf);
    }

    @Override
    public List<PeerAssessment> assessAll() {
        return detector.reports(System.nanoTime()).stream().map(PhiAccrualComponent::assessmentOf).toList();
    }

    @Override
    public double threshold() {
        return detector.threshold();
    }

    @Override
    public long localPauses() {
        return detector.localPauses();
    }

    static PeerAssessment assessmentOf(PeerReport r) {
        return new PeerAssessment(r.member(), r.generation(), r.phi(), r.threshold(), r.level(), r.suspect(),
                r.meanIntervalMs(), r.stdDeviationMs(), r.samples(), r.lastHeartbeatAgeMs(), r.heartbeatsSeen());
    }
}
