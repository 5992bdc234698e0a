package io.punnet.opstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the things under test are: the repository, the built package, the Ansible tooling. */
final class Project {

    private Project() {
    }

    /** The repository root (the build passes it as {@code punnet.root}; else the parent directory). */
    static Path root() {
        String root = System.getProperty("punnet.root");
        Path path = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        return path.toAbsolutePath().normalize();
    }

    static Path packaging() {
        return root().resolve("packaging");
    }

    static Path ansible() {
        return root().resolve("ansible");
    }

    /** The newest {@code deb/target/punnet_*_all.deb}, built by the deb module before these tests. */
    static Path deb() {
        Path target = root().resolve("deb/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("punnet_.*_all\\.deb"))
                    .max(Comparator.comparing(Project::modified))
                    .orElseThrow(() -> new AssertionError("no punnet_*_all.deb in " + target + ": build the deb module first"));
        } catch (IOException e) {
            throw new AssertionError("no " + target + ": build the deb module first", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
