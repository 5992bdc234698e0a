package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Install, upgrade, remove and purge of the package in throwaway roots (see {@link ThrowawayRoot}
 * for how, and what that does not cover: a running systemd). Each test proves one promise of the
 * maintainer scripts: the system user, the owners and modes, the cluster key (generated, given
 * by the environment, given by /etc/default/punnet, refused when malformed), the service enabled
 * as debhelper does it, secrets and edits kept by upgrades, everything of the node gone on purge.
 */
class PackageLifecycleTest {

    private static final String WANTS = "/etc/systemd/system/multi-user.target.wants/punnet.service";
    private static Path deb;

    @BeforeAll
    static void requirements() {
        assumeTrue(Shell.has("dpkg") && Shell.has("useradd") && Shell.has("systemctl"), "dpkg, useradd, systemctl are needed");
        assumeTrue(Shell.isRoot(), "installing into a throwaway root needs root (file owners)");
        deb = Project.deb();
    }

    @Test
    void firstInstallCreatesTheUserTheDirectoriesAKeyAndEnablesTheService() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            Shell.Result result = root.install(deb).check();
            assertTrue(result.output().contains("generated a new cluster key"), result.output());

            String user = root.passwdEntry("punnet");
            int uid = root.uid("punnet");
            assertTrue(uid > 0 && uid < 1000, "a system uid: " + user);
            assertTrue(user.endsWith(":/var/lib/punnet:/usr/sbin/nologin"), user);

            Path conf = root.path("/etc/punnet");
            assertEquals("rwxrwx--T", mode(conf), "root's directory, the node may add files of its own");
            assertEquals(0, (int) Files.getAttribute(conf, "unix:uid"));
            assertEquals(uid, (int) Files.getAttribute(root.path("/var/lib/punnet"), "unix:uid"));
            Path secrets = root.path("/etc/punnet/secrets.properties");
            assertEquals("rw-------", mode(secrets));
            assertEquals(uid, (int) Files.getAttribute(secrets, "unix:uid"), "the node may rewrite its secrets");
            assertEquals(32, Base64.getDecoder().decode(root.property("/etc/punnet/secrets.properties", "cluster.key")).length);
            assertTrue(root.property("/etc/punnet/secrets.properties", "api.token").length() >= 16);

            assertEquals("rw-r-----", mode(root.path("/etc/default/punnet")), "it may hold the cluster key");
            assertEquals("/lib/systemd/system/punnet.service", Files.readSymbolicLink(root.path(WANTS)).toString());
            assertTrue(root.exists("/etc/systemd/system/multi-user.target.wants/punnet-identity.service"));
        }
    }

    @Test
    void aKeyFromTheInstallationsEnvironmentIsStored() throws IOException {
        String key = Base64.getEncoder().encodeToString(new byte[16]).replace("AAAA", "QUJD");
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(deb, "PUNNET_CLUSTER_KEY=" + key).check();
            assertEquals(key, root.property("/etc/punnet/secrets.properties", "cluster.key"));
        }
    }

    @Test
    void aKeyInEtcDefaultIsUsedFromThereAndNotCopied() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            Files.createDirectories(root.path("/etc/default"));
            String key = Base64.getEncoder().encodeToString(new byte[32]);
            Files.writeString(root.path("/etc/default/punnet"), "PUNNET_CLUSTER_KEY=\"" + key + "\"\n");
            Shell.Result result = root.install(deb).check();
            assertTrue(result.output().contains("comes from /etc/default/punnet"), result.output());
            assertNull(root.property("/etc/punnet/secrets.properties", "cluster.key"));
            assertEquals("\"" + key + "\"", root.property("/etc/default/punnet", "PUNNET_CLUSTER_KEY"),
                    "--force-confold kept the administrator's file");
            assertEquals("rw-r-----", mode(root.path("/etc/default/punnet")), "no longer world-readable: it holds the key");
        }
    }

    @Test
    void aMalformedKeyStopsTheInstallationWithAClearMessage() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            Shell.Result result = root.install(deb, "PUNNET_CLUSTER_KEY=not-a-key");
            assertFalse(result.ok(), result.describe());
            assertTrue(result.output().contains("is not valid: each comma-separated key must be base64 of 16 or 32 bytes"),
                    result.output());
            assertNull(root.property("/etc/punnet/secrets.properties", "cluster.key"), "nothing stored");
        }
    }

    @Test
    void anUpgradeKeepsSecretsEditsStateAndTheAdministratorsDisable() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(deb).check();
            String key = root.property("/etc/punnet/secrets.properties", "cluster.key");
            String token = root.property("/etc/punnet/secrets.properties", "api.token");
            Files.writeString(root.path("/etc/punnet/punnet.properties"), "http.port=9090\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(root.path("/var/lib/punnet/meta-data.json"), "{\"services\":[\"nginx\"]}");
            // the administrator disables the service: deb-systemd-helper's state must remember it
            new Shell().run("systemctl", "--root=" + root.dir(), "disable", "punnet.service").check();
            assertFalse(root.exists(WANTS));

            Path newer = NewerVersion.of(deb, root.dir().resolve("tmp"));
            Shell.Result upgrade = root.install(newer).check();

            assertTrue(upgrade.output().contains("Unpacking punnet (" + NewerVersion.version(newer) + ")"), upgrade.output());
            assertEquals(key, root.property("/etc/punnet/secrets.properties", "cluster.key"));
            assertEquals(token, root.property("/etc/punnet/secrets.properties", "api.token"));
            assertEquals("9090", root.property("/etc/punnet/punnet.properties", "http.port"));
            assertTrue(root.exists("/var/lib/punnet/meta-data.json"));
            assertFalse(root.exists(WANTS), "an upgrade does not re-enable a disabled service");
            assertEquals("rwxrwx--T", mode(root.path("/etc/punnet")), "unpacking reset the mode, configure set it again");
        }
    }

    @Test
    void removeKeepsConfigurationAndStatePurgeRemovesAllOfTheNode() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(deb).check();
            Files.writeString(root.path("/var/lib/punnet/meta-data.json"), "{}");

            root.remove().check();
            assertFalse(root.exists("/usr/share/punnet/bin/punnet"));
            assertFalse(root.exists("/lib/systemd/system/punnet.service"));
            assertTrue(root.exists("/etc/punnet/secrets.properties"));
            assertTrue(root.exists("/etc/punnet/punnet.properties"));
            assertTrue(root.exists("/var/lib/punnet/meta-data.json"));
            assertEquals("/dev/null", Files.readSymbolicLink(root.path("/etc/systemd/system/punnet.service")).toString(),
                    "masked while removed, as debhelper does: the configuration left behind cannot start");

            root.purge().check();
            for (String gone : new String[] {"/etc/punnet", "/var/lib/punnet", "/etc/default/punnet", "/usr/share/punnet",
                    "/etc/systemd/system/punnet.service", WANTS, "/var/lib/systemd/deb-systemd-helper-enabled/punnet.service.dsh-also"}) {
                assertFalse(root.exists(gone), gone + " is left after purge");
            }
            assertNotEquals(-1, root.uid("punnet"), "the system user stays, as is Debian's practice");
            assertEquals("", new Shell().run("dpkg", "--admindir=" + root.path("/var/lib/dpkg"), "-l", "punnet")
                    .output().lines().filter(l -> l.startsWith("ii") || l.startsWith("rc")).reduce("", String::concat));
        }
    }

    private static String mode(Path path) throws IOException {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        int unixMode = (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        boolean sticky = (unixMode & 01000) != 0;
        return sticky ? perms.substring(0, 8) + (perms.charAt(8) == 'x' ? 't' : 'T') : perms;
    }
}
