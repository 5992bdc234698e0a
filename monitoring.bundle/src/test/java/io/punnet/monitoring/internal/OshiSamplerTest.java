package io.punnet.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.monitoring.core.MetricsCodec;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.Sensors;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;

class OshiSamplerTest {

    @TempDir
    Path disk;

    /** An OSHI interface whose methods answer from the map; any other method throws. */
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object answer = answers.get(method.getName());
                    if (answer instanceof RuntimeException e) {
                        throw e;
                    }
                    if (answer instanceof Error e) {
                        throw e;
                    }
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer;
                }));
    }

    private static HardwareAbstractionLayer board(Object temperature) {
        return board(temperature, new long[][] {{100, 0, 100, 800, 0, 0, 0, 0}, {200, 0, 200, 1600, 0, 0, 0, 0}});
    }

    private static HardwareAbstractionLayer board(Object temperature, long[][] ticks) {
        int[] call = {0};
        CentralProcessor cpu = (CentralProcessor) Proxy.newProxyInstance(CentralProcessor.class.getClassLoader(),
                new Class<?>[] {CentralProcessor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSystemCpuLoadTicks" -> ticks[Math.min(call[0]++, ticks.length - 1)];
                    case "getSystemCpuLoadBetweenTicks" -> 0.2;
                    case "getSystemLoadAverage" -> new double[] {0.5, 0.25, -1};
                    case "getLogicalProcessorCount" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        VirtualMemory swap = fake(VirtualMemory.class, Map.of("getSwapTotal", 1000L, "getSwapUsed", 10L));
        GlobalMemory memory = fake(GlobalMemory.class,
                Map.of("getTotal", 8000L, "getAvailable", 5000L, "getVirtualMemory", swap));
        Sensors sensors = fake(Sensors.class, Map.of("getCpuTemperature", temperature));
        return fake(HardwareAbstractionLayer.class,
                Map.of("getProcessor", cpu, "getMemory", memory, "getSensors", sensors));
    }

    private OshiSampler sampler(HardwareAbstractionLayer hardware, OperatingSystem os) {
        return new OshiSampler(hardware, os, ManagementFactory.getMemoryMXBean(),
                ManagementFactory.getThreadMXBean(), disk, () -> 42L);
    }

    @Test
    void aFailingSensorMakesOnlyTheTemperatureUnknown() {
        OperatingSystem os = fake(OperatingSystem.class, Map.of("getSystemUptime", 3600L));
        OshiSampler sampler = sampler(board(new IllegalStateException("no thermal zone")), os);
        sampler.sample();
        NodeMetrics m = sampler.sample();
        assertNull(m.temperatureCelsius());
        assertEquals(20.0, m.cpuPercent(), 1e-9);
        assertEquals(0.5, m.load1());
        assertEquals(0.25, m.load5());
        assertNull(m.load15(), "a negative load average means not available");
        assertEquals(4, m.cpuCount());
        assertEquals(8000L, m.memTotalBytes());
        assertEquals(3000L, m.memUsedBytes());
        assertEquals(5000L, m.memAvailableBytes());
        assertEquals(1000L, m.swapTotalBytes());
        assertEquals(10L, m.swapUsedBytes());
        assertEquals(3600L, m.uptimeSeconds());
        assertNotNull(m.diskTotalBytes());
        assertNotNull(m.jvmHeapUsedBytes());
        assertNotNull(m.jvmThreads());
        assertEquals(42L, m.sampledAtMillis());
    }

    @Test
    void aJnaLinkageErrorIsContainedToo() {
        OperatingSystem os = fake(OperatingSystem.class, Map.of("getSystemUptime", new UnsatisfiedLinkError("libc")));
        NodeMetrics m = sampler(board(55.5), os).sample();
        assertNull(m.uptimeSeconds());
        assertEquals(55.5, m.temperatureCelsius());
    }

    @Test
    void aBoardWithoutSensorReportsZeroWhichMeansUnknown() {
        assertNull(sampler(board(0.0), null).sample().temperatureCelsius());
        assertNull(sampler(board(Double.NaN), null).sample().temperatureCelsius());
    }

    @Test
    void cpuUsageNeedsTwoTicks() {
        OshiSampler sampler = sampler(board(50.0), null);
        assertNull(sampler.sample().cpuPercent());
        assertNotNull(sampler.sample().cpuPercent());
    }

    @Test
    void samplesTooCloseTogetherLeaveCpuUsageUnknownUntilTheSpanIsLongEnough() {
        long[][] ticks = {{0, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 2, 0, 0, 0, 0}, {100, 0, 0, 300, 0, 0, 0, 0}};
        OshiSampler sampler = sampler(board(50.0, ticks), null);
        assertNull(sampler.sample().cpuPercent(), "first");
        assertNull(sampler.sample().cpuPercent(), "3 ticks after the first");
        assertNotNull(sampler.sample().cpuPercent(), "400 ticks after the first: measured from the first");
    }

    @Test
    void withoutOshiTheJvmAndDiskFiguresRemain() {
        NodeMetrics m = sampler(null, null).sample();
        assertNull(m.cpuPercent());
        assertNull(m.memTotalBytes());
        assertNull(m.uptimeSeconds());
        assertNotNull(m.diskTotalBytes());
        assertNotNull(m.diskFreeBytes());
        assertTrue(m.jvmHeapMaxBytes() > 0);
        assertTrue(m.jvmThreads() > 0);
    }

    @Test
    void aMissingDiskIsUnknown() {
        NodeMetrics m = new OshiSampler(null, null, ManagementFactory.getMemoryMXBean(),
                ManagementFactory.getThreadMXBean(), disk.resolve("gone"), () -> 1L).sample();
        assertNull(m.diskTotalBytes());
        assertNotNull(m.jvmThreads());
    }

    /** Real OSHI on this machine: how long the start takes, and what a real value looks like. */
    @Test
    void realOshiSamplesThisMachine() {
        long began = System.nanoTime();
        OshiSampler sampler = OshiSampler.start();
        long startMs = (System.nanoTime() - began) / 1_000_000;
        began = System.nanoTime();
        NodeMetrics m = sampler.sample();
        long sampleMs = (System.nanoTime() - began) / 1_000_000;
        String value = new MetricsCodec().encode(m);
        System.out.printf("OSHI start + first sample: %d ms; next sample: %d ms; mon value (%d bytes): %s%n",
                startMs, sampleMs, value.getBytes(StandardCharsets.UTF_8).length, value);
        assertNotNull(m.cpuCount());
        assertNotNull(m.memTotalBytes());
        assertNotNull(m.uptimeSeconds());
    }
}
