package io.punnet.opstest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory that stands in for a Debian system's root, to install the package into without
 * touching the machine: just what the maintainer scripts read (passwd, group, shadow, a dpkg
 * database, a machine id, a host name). Packages go in with
 * {@code dpkg --instdir=DIR --admindir=DIR/var/lib/dpkg --force-script-chrootless}: dpkg unpacks
 * into DIR and runs the maintainer scripts on the host with {@code DPKG_ROOT=DIR}, which is what
 * the scripts prefix their paths with; deb-systemd-helper honours DPKG_ROOT too. So a test sees
 * exactly the files, owners, modes and service links a real installation would get, minus what
 * only a running systemd does (daemon-reload, start), which the scripts skip without one.
 */
final class ThrowawayRoot implements AutoCloseable {

    private final Path dir;

    private ThrowawayRoot(Path dir) {
        this.dir = dir;
    }

    static ThrowawayRoot create() throws IOException {
        Path dir = Files.createTempDirectory("po-root");
        for (String sub : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("var/lib/dpkg/status"), "");
        Files.writeString(dir.resolve("var/lib/dpkg/available"), "");
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\n");
        Files.writeString(dir.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(dir.resolve("etc/gshadow"), "root:*::\n");
        Files.setPosixFilePermissions(dir.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(dir.resolve("etc/gshadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(dir.resolve("etc/machine-id"), "0123456789abcdef0123456789abcdef\n");
        Files.writeString(dir.resolve("etc/hostname"), "raspberrypi\n");
        return new ThrowawayRoot(dir);
    }

    Path dir() {
        return dir;
    }

    Path path(String absolute) {
        return dir.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** dpkg on this root, with the environment given as NAME=VALUE pairs; the result unchecked. */
    Shell.Result dpkg(List<String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("dpkg", "--instdir=" + dir, "--admindir=" + dir.resolve("var/lib/dpkg"),
                "--force-script-chrootless", "--force-depends", "--force-confold"));
        command.addAll(List.of(args));
        Shell shell = new Shell().timeout(Duration.ofSeconds(120));
        for (String pair : env) {
            int eq = pair.indexOf('=');
            shell.env(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return shell.run(command);
    }

    Shell.Result install(Path deb, String... env) {
        return dpkg(List.of(env), "-i", deb.toString());
    }

    Shell.Result remove() {
        return dpkg(List.of(), "--remove", "punnet");
    }

    Shell.Result purge() {
        return dpkg(List.of(), "--purge", "punnet");
    }

    /** The value of key= in a properties-like file of this root, or null. */
    String property(String file, String key) throws IOException {
        Path path = path(file);
        if (!Files.exists(path)) {
            return null;
        }
        String value = null;
        for (String line : Files.readAllLines(path)) {
            if (line.startsWith(key + "=")) {
                value = line.substring(key.length() + 1);
            }
        }
        return value;
    }

    /** The numeric uid of a user of this root's /etc/passwd, or -1. */
    int uid(String user) throws IOException {
        for (String line : Files.readAllLines(path("/etc/passwd"))) {
            String[] fields = line.split(":");
            if (fields[0].equals(user)) {
                return Integer.parseInt(fields[2]);
            }
        }
        return -1;
    }

    String passwdEntry(String user) throws IOException {
        return Files.readAllLines(path("/etc/passwd")).stream().filter(l -> l.startsWith(user + ":")).findFirst().orElse(null);
    }

    boolean exists(String absolute) {
        return Files.exists(path(absolute), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
