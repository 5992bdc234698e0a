package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The systemd units as installed by the package, checked by systemd itself:
 * {@code systemd-analyze verify --root=DIR} on a throwaway root holding the installed package
 * plus the host's own system units (the targets ours name). verify loads each unit and its
 * dependencies, and fails on an unknown key, a bad value, a missing target or an ExecStart that
 * is not an executable inside DIR; a deliberately broken copy proves that it does. Then the
 * settings the issue asks for are read back with {@code systemctl --root=DIR show}-like parsing.
 */
class UnitVerifyTest {

    private static ThrowawayRoot root;

    @BeforeAll
    static void install() throws IOException {
        assumeTrue(Shell.has("systemd-analyze") && Shell.has("dpkg"), "systemd-analyze (package systemd) and dpkg are needed");
        assumeTrue(Shell.isRoot(), "installing into a throwaway root needs root");
        root = ThrowawayRoot.create();
        root.install(Project.deb()).check();
        // the host's units (targets, ssh.service if any) without replacing the package's
        new Shell().run("cp", "-rn", "/lib/systemd/system/.", root.path("/lib/systemd/system").toString()).check();
    }

    @AfterAll
    static void clean() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    private static Shell.Result verify(String... units) {
        String[] command = new String[units.length + 3];
        command[0] = "systemd-analyze";
        command[1] = "verify";
        command[2] = "--root=" + root.dir();
        System.arraycopy(units, 0, command, 3, units.length);
        return new Shell().timeout(Duration.ofSeconds(60)).run(command);
    }

    @Test
    void theInstalledUnitsVerifyCleanly() {
        Shell.Result result = verify("/lib/systemd/system/punnet.service", "/lib/systemd/system/punnet-identity.service");
        assertEquals(0, result.exit(), result.describe());
        assertEquals("", result.output().trim(), "not even a warning");
    }

    @Test
    void verifyCatchesAMissingLauncherAndAnUnknownKey() throws IOException {
        Path broken = root.path("/lib/systemd/system/punnet-broken.service");
        String unit = Files.readString(root.path("/lib/systemd/system/punnet.service"))
                .replace("ExecStart=/usr/share/punnet/bin/punnet", "ExecStart=/usr/share/punnet/bin/no-such-launcher")
                .replace("[Service]", "[Service]\nRestartMistake=yes");
        Files.writeString(broken, unit);
        try {
            Shell.Result result = verify("/lib/systemd/system/punnet-broken.service");
            assertFalse(result.ok(), result.describe());
            assertTrue(result.output().contains("no-such-launcher"), result.output());
            assertTrue(result.output().contains("RestartMistake"), result.output());
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void theServiceIsTheOneTheIssueAsksFor() throws IOException {
        Map<String, String> s = settings(root.path("/lib/systemd/system/punnet.service"));
        assertTrue(s.get("After").contains("network-online.target") && s.get("Wants").contains("network-online.target"));
        assertEquals("punnet", s.get("User"));
        assertTrue(s.get("EnvironmentFile").contains("-/etc/default/punnet"));
        assertEquals("on-failure", s.get("Restart"));
        assertTrue(Integer.parseInt(s.get("TimeoutStopSec")) >= 20, "time for a graceful leave");
        assertEquals("journal", s.get("StandardOutput"));
        assertEquals("null", s.get("StandardInput"), "no TTY: Gogo runs --nointeractive");
        assertEquals("/usr/share/punnet/bin/punnet", s.get("ExecStart"));
        assertTrue(s.get("Environment").contains("PUNNET_CONF_DIR=/etc/punnet")
                && s.get("Environment").contains("PUNNET_DATA_DIR=/var/lib/punnet"));
        assertEquals("multi-user.target", s.get("WantedBy"));
        Map<String, String> identity = settings(root.path("/lib/systemd/system/punnet-identity.service"));
        assertTrue(identity.get("Before").contains("punnet.service"));
    }

    /** key=value lines of a unit file; repeated keys are joined with a space. */
    private static Map<String, String> settings(Path unit) throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(unit)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && !line.startsWith("[") && eq > 0) {
                values.merge(line.substring(0, eq).trim(), line.substring(eq + 1).trim(), (a, b) -> a + " " + b);
            }
        }
        return values;
    }
}
