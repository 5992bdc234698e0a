package io.punnet.detector.core;

import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Suspicion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The phi accrual failure detector gossip consults: one {@link HeartbeatWindow} per member and
 * generation, a {@link LocalPauseGuard} for the node itself. Heartbeats that come with their
 * version (gossip 1.1 and later) are judged by a {@link SequenceWindow} (how late the next version
 * is); heartbeats without one by an {@link ArrivalWindow} (how long since the last arrival).
 *
 * <ul>
 *   <li>{@code heartbeat}: the first heartbeat of a member (or of a higher generation of it, i.e.
 *       a restart) starts a fresh, bootstrapped window; the same generation adds an interval; a
 *       lower generation is stale news and ignored.</li>
 *   <li>{@code suspicion}: phi of the member's window now; suspect when phi &ge; threshold.</li>
 *   <li>A member gossip asks about before any heartbeat of it reached this detector (the detector
 *       was just started or updated while gossip kept running) is not suspected at that first
 *       question ({@link Suspicion#none}), but is timed from it as if a heartbeat had arrived
 *       then: a member that died just before the detector started is still suspected, a live one
 *       heartbeats within a round and gets a proper window.</li>
 *   <li>Every call of {@code heartbeat} or {@code suspicion} is "activity": when the gap since the
 *       previous one shows a local pause, every window forgives it before anything else happens
 *       (see {@link LocalPauseGuard}).</li>
 *   <li>{@link #reconfigured} carries every member over to new settings, timed from its last
 *       heartbeat, so a configuration change loses no member.</li>
 * </ul>
 * All time is passed in, so the detector runs on virtual time. Every public method is
 * synchronized: gossip's protocol thread writes, and any other thread may read concurrently.
 */
public final class PhiAccrualDetector implements Liveness {

    /** The generation reported for a member asked about before any of its heartbeats arrived. */
    public static final long UNKNOWN_GENERATION = -1;

    private final DetectorSettings settings;
    private final LocalPauseGuard pauseGuard;
    private final Map<String, Peer> peers = new HashMap<>();

    public PhiAccrualDetector(DetectorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pauseGuard = new LocalPauseGuard(settings.maxLocalPauseMs());
    }

    /** The settings this detector runs with. */
    public DetectorSettings settings() {
        return settings;
    }

    /** The phi at which a member is suspected. */
    public double threshold() {
        return settings.threshold();
    }

    @Override
    public synchronized void heartbeat(String member, long generation, long nowNanos) {
        Objects.requireNonNull(member, "member");
        noticeActivity(nowNanos);
        Peer peer = peers.get(member);
        if (peer == null || !peer.heard() || generation > peer.generation()) {
            peers.put(member, new Peer(generation, true, new ArrivalWindow(settings, nowNanos)));
        } else if (generation == peer.generation()) {
            peer.window().arrival(nowNanos);
        }
    }

    @Override
    public synchronized void heartbeat(String member, long generation, long version, long nowNanos) {
        Objects.requireNonNull(member, "member");
        noticeActivity(nowNanos);
        Peer peer = peers.get(member);
        if (peer == null || !peer.heard() || generation > peer.generation()
                || (generation == peer.generation() && !(peer.window() instanceof SequenceWindow))) {
            peers.put(member, new Peer(generation, true, new SequenceWindow(settings, nowNanos, version)));
        } else if (generation == peer.generation()) {
            peer.window().arrival(nowNanos, version);
        }
    }

    @Override
    public synchronized void forget(String member) {
        peers.remove(member);
    }

    @Override
    public synchronized Suspicion suspicion(String member, long nowNanos) {
        noticeActivity(nowNanos);
        Peer peer = peers.get(member);
        if (peer == null) {
            peers.put(member, new Peer(UNKNOWN_GENERATION, false, new ArrivalWindow(settings, nowNanos)));
            return Suspicion.none(settings.threshold());
        }
        HeartbeatWindow window = peer.window();
        return new Suspicion(window.phi(nowNanos), settings.threshold(), window.suspect(nowNanos));
    }

    /**
     * The same members, judged with {@code newSettings} from now on: each gets a fresh window
     * (bootstrapped from the new first-heartbeat estimate) anchored at its last heartbeat, keeping
     * its generation. The local-pause count starts again. This detector is left as it was.
     */
    public synchronized PhiAccrualDetector reconfigured(DetectorSettings newSettings) {
        PhiAccrualDetector next = new PhiAccrualDetector(newSettings);
        peers.forEach((member, peer) -> next.peers.put(member, new Peer(peer.generation(), peer.heard(),
                peer.window() instanceof SequenceWindow
                        ? new SequenceWindow(newSettings, peer.window().lastArrivalNanos(), peer.window().lastVersion())
                        : new ArrivalWindow(newSettings, peer.window().lastArrivalNanos()))));
        return next;
    }

    /** The explanation for one member at {@code nowNanos}, if it is known. Reads only. */
    public synchronized Optional<PeerReport> report(String member, long nowNanos) {
        Peer peer = peers.get(member);
        return peer == null ? Optional.empty() : Optional.of(reportOf(member, peer, nowNanos));
    }

    /** The explanations for every known member at {@code nowNanos}, by name. Reads only. */
    public synchronized List<PeerReport> reports(long nowNanos) {
        List<PeerReport> reports = new ArrayList<>(peers.size());
        peers.forEach((member, peer) -> reports.add(reportOf(member, peer, nowNanos)));
        reports.sort(Comparator.comparing(PeerReport::member));
        return reports;
    }

    /** How many local pauses were noticed and forgiven. */
    public synchronized long localPauses() {
        return pauseGuard.pauses();
    }

    /** The total length of the local pauses noticed, in nanoseconds. */
    public synchronized long localPausedNanos() {
        return pauseGuard.pausedNanos();
    }

    private void noticeActivity(long nowNanos) {
        long pause = pauseGuard.activity(nowNanos);
        if (pause > 0) {
            peers.values().forEach(peer -> peer.window().forgive(pause));
        }
    }

    private PeerReport reportOf(String member, Peer peer, long nowNanos) {
        HeartbeatWindow window = peer.window();
        double phi = window.phi(nowNanos);
        double threshold = settings.threshold();
        return new PeerReport(member, peer.generation(), phi, threshold, phi / threshold, window.suspect(nowNanos),
                window.meanMs(), window.stdDeviationMs(), window.samples(),
                (nowNanos - window.lastArrivalNanos()) / 1e6, peer.heard() ? window.heartbeats() : 0);
    }

    /**
     * One member's generation and the window of heartbeats seen from it; {@code heard} is false
     * while the window is only anchored at the first question about it.
     */
    private record Peer(long generation, boolean heard, HeartbeatWindow window) {
    }
}
