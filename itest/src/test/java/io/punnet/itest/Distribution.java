package io.punnet.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The node distribution built by the run module: run/target/punnet. */
final class Distribution {

    private Distribution() {
    }

    static Path home() {
        Path home = Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("bin/punnet"))) {
            throw new IllegalStateException("no distribution at " + home + ": build the run module first (mvn package)");
        }
        return home;
    }

    /** The jars of bundle/ (or of another folder of the distribution), sorted; none if it has no such folder. */
    static List<Path> jars(String folder) {
        Path dir = home().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The version of the slf4j API the distribution puts on the framework's class path
     * ({@code lib/slf4j-api-VERSION.jar}), whose packages the framework exports as bin/punnet does.
     */
    static String slf4jVersion() {
        return jars("lib").stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("slf4j-api-"))
                .map(n -> n.substring("slf4j-api-".length(), n.length() - ".jar".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no lib/slf4j-api-*.jar in " + home()));
    }
}
