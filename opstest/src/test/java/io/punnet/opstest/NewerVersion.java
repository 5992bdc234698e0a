package io.punnet.opstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The same package under a higher version, for upgrade tests: unpacked with {@code dpkg-deb -R},
 * the control file's version suffixed with {@code +upgrade1} (sorts after the original), packed
 * again with {@code dpkg-deb -b}.
 */
final class NewerVersion {

    private NewerVersion() {
    }

    static Path of(Path deb, Path workDir) throws IOException {
        Path tree = Files.createTempDirectory(workDir, "newer");
        new Shell().timeout(Duration.ofSeconds(60)).run("dpkg-deb", "-R", deb.toString(), tree.toString()).check();
        Path control = tree.resolve("DEBIAN/control");
        String text = Files.readString(control);
        String version = text.lines().filter(l -> l.startsWith("Version: ")).findFirst().orElseThrow().substring(9);
        Files.writeString(control, text.replace("Version: " + version, "Version: " + version + "+upgrade1"));
        Path out = workDir.resolve("punnet_" + version + "+upgrade1_all.deb");
        new Shell().timeout(Duration.ofSeconds(120)).run("dpkg-deb", "-Znone", "-b", tree.toString(), out.toString()).check();
        return out;
    }

    static String version(Path deb) {
        String name = deb.getFileName().toString();
        return name.substring("punnet_".length(), name.length() - "_all.deb".length());
    }
}
