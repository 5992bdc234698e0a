package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring of {@code packaging/pi/install-punnet.sh install}, with apt-get, dpkg-query and
 * systemctl replaced by recorders on the PATH (the real ones would change this machine): Java is
 * installed before the package, the key reaches the package's postinst through the environment,
 * a bad key stops everything before apt runs. The package side of the key is proven by
 * {@link PackageLifecycleTest}, the {@code seal} by {@link IdentityTest}.
 */
class PiInstallScriptTest {

    @TempDir
    Path dir;
    private Path calls;
    private Path deb;

    @BeforeEach
    void fakes() throws IOException {
        assumeTrue(Shell.isRoot(), "the script insists on root");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.log");
        fake(bin, "apt-get", "echo \"apt-get $* key=${PUNNET_CLUSTER_KEY:-}\" >> " + calls);
        fake(bin, "dpkg-query", "exit 1");
        fake(bin, "systemctl", "echo \"systemctl $*\" >> " + calls);
        deb = Files.writeString(dir.resolve("punnet_0.1.0_all.deb"), "not really a package");
    }

    private static void fake(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Shell.Result script(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Project.packaging().resolve("pi/install-punnet.sh").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return new Shell().env("PATH", dir.resolve("bin") + ":" + System.getenv("PATH")).run(command);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void installPutsJavaFirstThenThePackageWithTheKeyThenStartsTheService() throws IOException {
        String key = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=";
        Shell.Result result = script("install", "--deb", deb.toString(), "--cluster-key", key);
        assertEquals(0, result.exit(), result.describe());
        List<String> calls = calls();
        assertEquals("apt-get update -q key=", calls.get(0));
        assertEquals("apt-get install -y -q openjdk-17-jre-headless key=", calls.get(1));
        assertEquals("apt-get install -y -q " + deb + " key=" + key, calls.get(2));
        assertTrue(calls.contains("systemctl restart punnet-identity.service punnet.service"), calls.toString());
        assertTrue(result.output().contains("Punnet is installed and running"), result.output());
    }

    @Test
    void aBadKeyStopsBeforeAnythingIsInstalled() throws IOException {
        Shell.Result result = script("install", "--deb", deb.toString(), "--cluster-key", "c2hvcnQ=");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.output().contains("the cluster key is not valid"), result.output());
        assertEquals(List.of(), calls());
    }

    @Test
    void withoutACommandItPrintsItsUsage() {
        Shell.Result result = script();
        assertEquals(2, result.exit());
        assertTrue(result.output().contains("configure one card, copy it to the others"), result.output());
    }
}
