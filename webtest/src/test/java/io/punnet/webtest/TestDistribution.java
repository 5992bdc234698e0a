package io.punnet.webtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;


/**
 * The node distribution the cluster test runs: a copy of run/target/punnet (system property
 * {@code punnet.dist}) under this module's target/, with the web bundle replaced by the jar of this
 * build ({@code punnet.web.jar}), so the browser sees the dashboard under test even when the
 * distribution was assembled earlier. The run module itself is never written to.
 */
final class TestDistribution {

    private TestDistribution() {
    }

    private static Path source() {
        return Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize();
    }

    /** Why there is no distribution to run, or null when there is one. */
    static String missing() {
        Path source = source();
        return Files.isRegularFile(source.resolve("bin/punnet")) ? null
                : "no distribution at " + source + ": build the run module first (mvn -pl run package)";
    }

    static Path prepare() throws IOException {
        Path source = source();
        Path webJar = Path.of(System.getProperty("punnet.web.jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(webJar)) {
            throw new IllegalStateException("the web bundle jar of this build is missing: " + webJar);
        }
        Path target = Path.of(System.getProperty("webtest.out", "target"), "dist").toAbsolutePath();
        delete(target);
        copy(source, target);
        try (Stream<Path> jars = Files.list(target.resolve("bundle"))) {
            for (Path old : jars.filter(p -> p.getFileName().toString().startsWith("web.bundle-")).toList()) {
                Files.delete(old);
            }
        }
        Files.copy(webJar, target.resolve("bundle").resolve(webJar.getFileName()));
        target.resolve("bin/punnet").toFile().setExecutable(true);
        return target;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
