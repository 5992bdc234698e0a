package io.punnet.monitoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.monitoring.core.Sampler;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Samples this node with OSHI (CPU, load, memory, swap, temperature, uptime), {@code java.nio}
 * (the root file system: one {@code statvfs} of "/" instead of OSHI's walk over every mount) and
 * the JVM's management beans (heap, threads).
 *
 * <p>Every field is read in its own try/catch: a board without a temperature sensor, an OS that
 * OSHI does not support, or a JNA failure ({@link LinkageError}) makes that field unknown and
 * leaves the others. The first failure of a field is logged once, its recovery too; a sample never
 * throws. If OSHI cannot start at all, only the JVM and disk figures are known.
 *
 * <p>CPU usage is computed between the ticks of this sample and the previous one, so the first
 * sample has it unknown (and so has a sample taken too soon after the previous one). Not thread safe: one sampling thread.
 */
final class OshiSampler implements Sampler {

    private static final Logger LOG = LoggerFactory.getLogger(OshiSampler.class);
    /** CPU ticks (milliseconds of CPU time, summed over all states and cores) below which usage is noise. */
    static final long MIN_TICK_SPAN = 200;

    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final MemoryMXBean memoryBean;
    private final ThreadMXBean threadBean;
    private final Path diskRoot;
    private final LongSupplier wallClockMillis;
    private final Set<String> failing = new HashSet<>();
    private long[] previousTicks;

    /**
     * @param hardware OSHI's hardware layer, or null when OSHI is unavailable
     * @param os       OSHI's operating system, or null when OSHI is unavailable
     */
    OshiSampler(HardwareAbstractionLayer hardware, OperatingSystem os, MemoryMXBean memoryBean,
            ThreadMXBean threadBean, Path diskRoot, LongSupplier wallClockMillis) {
        this.hardware = hardware;
        this.os = os;
        this.memoryBean = memoryBean;
        this.threadBean = threadBean;
        this.diskRoot = diskRoot;
        this.wallClockMillis = wallClockMillis;
    }

    /** Starts OSHI (slow: JNA loads native code) and takes the first CPU ticks. */
    static OshiSampler start() {
        HardwareAbstractionLayer hardware = null;
        OperatingSystem os = null;
        try {
            SystemInfo info = new SystemInfo();
            hardware = info.getHardware();
            os = info.getOperatingSystem();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("monitoring: OSHI is unavailable here ({}); only JVM and disk figures will be known",
                    e.toString());
        }
        OshiSampler sampler = new OshiSampler(hardware, os, ManagementFactory.getMemoryMXBean(),
                ManagementFactory.getThreadMXBean(), Path.of("/"), System::currentTimeMillis);
        sampler.sample();
        return sampler;
    }

    @Override
    public NodeMetrics sample() {
        double[] load = read("load", () -> hardware().getProcessor().getSystemLoadAverage(3));
        Long memTotal = read("memTotalBytes", () -> positive(hardware().getMemory().getTotal()));
        Long memAvailable = read("memAvailableBytes",
                () -> notNegative(hardware().getMemory().getAvailable()));
        return NodeMetrics.builder()
                .cpuPercent(read("cpuPercent", this::cpuPercent))
                .load(loadAt(load, 0), loadAt(load, 1), loadAt(load, 2))
                .cpuCount(read("cpuCount", () -> positive(hardware().getProcessor().getLogicalProcessorCount())))
                .memory(memTotal, difference(memTotal, memAvailable), memAvailable)
                .swap(read("swapTotalBytes", () -> notNegative(hardware().getMemory().getVirtualMemory().getSwapTotal())),
                        read("swapUsedBytes", () -> notNegative(hardware().getMemory().getVirtualMemory().getSwapUsed())))
                .temperatureCelsius(read("temperatureCelsius", () -> celsius(hardware().getSensors().getCpuTemperature())))
                .disk(read("diskTotalBytes", () -> positive(diskBytes(true))),
                        read("diskFreeBytes", () -> notNegative(diskBytes(false))))
                .uptimeSeconds(read("uptimeSeconds", () -> notNegative(os().getSystemUptime())))
                .jvmHeap(read("jvmHeapUsedBytes", () -> notNegative(memoryBean.getHeapMemoryUsage().getUsed())),
                        read("jvmHeapMaxBytes", () -> positive(memoryBean.getHeapMemoryUsage().getMax())))
                .jvmThreads(read("jvmThreads", () -> positive(threadBean.getThreadCount())))
                .sampledAtMillis(wallClockMillis.getAsLong())
                .build();
    }

    /**
     * Usage between the previous ticks and now. Unknown on the first call, and when too little time
     * passed to mean anything (two samples a few milliseconds apart would say 0 % or 100 % by
     * chance); the older baseline is then kept, so the next sample measures a longer span.
     */
    private Double cpuPercent() {
        CentralProcessor cpu = hardware().getProcessor();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        long[] before = previousTicks;
        if (before == null || sum(ticks) - sum(before) < MIN_TICK_SPAN) {
            previousTicks = before == null ? ticks : before;
            return null;
        }
        previousTicks = ticks;
        double load = cpu.getSystemCpuLoadBetweenTicks(before, ticks);
        return Double.isFinite(load) && load >= 0 && load <= 1 ? load * 100 : null;
    }

    private static long sum(long[] ticks) {
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        return total;
    }

    /** Reads one field; an exception or LinkageError makes it unknown, logged once per outage. */
    private <T> T read(String field, Supplier<T> probe) {
        try {
            T value = probe.get();
            if (failing.remove(field)) {
                LOG.info("monitoring: {} can be read again", field);
            }
            return value;
        } catch (OshiUnavailableException e) {
            return null; // said once, when OSHI failed to start
        } catch (RuntimeException | LinkageError e) {
            if (failing.add(field)) {
                LOG.warn("monitoring: {} is unknown: {}", field, e.toString());
            }
            return null;
        }
    }

    private HardwareAbstractionLayer hardware() {
        if (hardware == null) {
            throw new OshiUnavailableException();
        }
        return hardware;
    }

    private OperatingSystem os() {
        if (os == null) {
            throw new OshiUnavailableException();
        }
        return os;
    }

    /** The size of the root file system, or the space usable by this node on it. */
    private long diskBytes(boolean total) {
        try {
            FileStore store = Files.getFileStore(diskRoot);
            return total ? store.getTotalSpace() : store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown by the probes that need OSHI when it could not start. */
    private static final class OshiUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OshiUnavailableException() {
            super("OSHI is unavailable", null, false, false);
        }
    }

    private static Double loadAt(double[] load, int i) {
        return load != null && i < load.length && load[i] >= 0 && Double.isFinite(load[i]) ? load[i] : null;
    }

    /** OSHI reports 0 (or NaN) when the board has no sensor; implausible values are unknown too. */
    private static Double celsius(double value) {
        return Double.isFinite(value) && value > 0 && value < 150 ? value : null;
    }

    private static Long difference(Long total, Long part) {
        return total != null && part != null && part <= total ? total - part : null;
    }

    private static Long positive(long value) {
        return value > 0 ? value : null;
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }

    private static Long notNegative(long value) {
        return value >= 0 ? value : null;
    }
}
