package io.punnet.detector.core;

/**
 * The settings the interval model ({@link ArrivalWindow}) is tuned for: the defaults before
 * heartbeats came with versions (a 400 ms floor, a 500 ms acceptable pause). A member whose
 * heartbeats come without a version is judged by that model, so its tests use these.
 */
final class IntervalModel {

    static final DetectorSettings SETTINGS = new DetectorSettings(DetectorSettings.WINDOW_SIZE_DEFAULT,
            DetectorSettings.THRESHOLD_DEFAULT, 400, 500, DetectorSettings.FIRST_HEARTBEAT_ESTIMATE_DEFAULT_MS,
            DetectorSettings.MAX_INTERVAL_DEFAULT_MS, DetectorSettings.MAX_LOCAL_PAUSE_DEFAULT_MS);

    private IntervalModel() {
    }
}
