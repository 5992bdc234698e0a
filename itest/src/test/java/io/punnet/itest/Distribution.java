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

    /** The jars of boot/ (start level 1) or bundle/ (level 2), sorted. */
    static List<Path> jars(String folder) {
        try (Stream<Path> files = Files.list(home().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
