package io.punnet.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.punnet.detector.api.PeerAssessment;
import io.punnet.detector.core.DetectorSettings;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component without a framework: configuration mapping, fallbacks, and the API view. */
class PhiAccrualComponentTest {

    /** A configuration as SCR would build it: the annotation defaults, overridden by {@code values}. */
    private static DetectorConfig config(Map<String, Object> values) {
        return (DetectorConfig) Proxy.newProxyInstance(DetectorConfig.class.getClassLoader(),
                new Class<?>[] {DetectorConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void theConfigurationDefaultsAreTheSettingsDefaults() {
        assertEquals(DetectorSettings.defaults(), PhiAccrualComponent.settingsOf(config(Map.of())));
    }

    @Test
    void everyAttributeReachesTheSettings() {
        DetectorSettings settings = PhiAccrualComponent.settingsOf(config(Map.of("thresholdPhi", 10.0,
                "windowSizeInSamples", 50, "minStdDeviationInMs", 100L, "acceptableHeartbeatPauseInMs", 0L,
                "firstHeartbeatEstimateInMs", 500L, "maxIntervalInMs", 2000L, "maxLocalPauseInMs", 3000L)));
        assertEquals(new DetectorSettings(50, 10.0, 100, 0, 500, 2000, 3000), settings);
    }

    @Test
    void anInvalidConfigurationFallsBackToTheDefaults() {
        PhiAccrualComponent component = new PhiAccrualComponent();
        component.activate(config(Map.of("thresholdPhi", 12.0)));
        assertEquals(12.0, component.threshold());
        component.modified(config(Map.of("thresholdPhi", -1.0)));
        assertEquals(DetectorSettings.THRESHOLD_DEFAULT, component.threshold());
    }

    @Test
    void theApiAssessesWhatGossipReported() {
        PhiAccrualComponent component = new PhiAccrualComponent();
        component.activate(config(Map.of()));
        assertTrue(component.assess("a").isEmpty());
        component.heartbeat("a", 42, System.nanoTime());
        PeerAssessment a = component.assess("a").orElseThrow();
        assertEquals("a", a.member());
        assertEquals(42, a.generation());
        assertEquals(1, a.heartbeatsSeen());
        assertEquals(2, a.samples());
        assertEquals(1000.0, a.meanIntervalMs(), 1e-9);
        assertFalse(a.suspect(), "just heard from");
        assertEquals(a.phi() / a.threshold(), a.level(), 1e-12);
        assertEquals(1, component.assessAll().size());
        assertEquals(0, component.localPauses());
        component.modified(config(Map.of("thresholdPhi", 9.0)));
        assertEquals(42, component.assess("a").orElseThrow().generation(), "kept across reconfiguration");
        assertEquals(9.0, component.assess("a").orElseThrow().threshold());
        component.forget("a");
        assertTrue(component.assessAll().isEmpty());
    }
}
