package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clone safety, end to end on directories: a card is installed, configured and used (the node
 * has state), sealed by the Pi script, and copied twice; each copy boots with its own new machine
 * id (as systemd writes it), and {@code punnet-identity} (run as its unit would, on the copy's
 * root) gives each copy its own node name, its own SSH host keys and none of the first node's
 * per-node state, while the cluster secrets stay. Also: on an unchanged machine it changes nothing.
 */
class IdentityTest {

    private static final String IDENTITY = "bin/punnet-identity";

    @BeforeAll
    static void requirements() {
        assumeTrue(Shell.has("dpkg") && Shell.isRoot(), "dpkg and root are needed");
    }

    private static Shell.Result identity(ThrowawayRoot root) {
        return new Shell().env("PUNNET_IDENTITY_ROOT", root.dir().toString())
                .run(Project.packaging().resolve(IDENTITY).toString()).check();
    }

    @Test
    void anUnchangedMachineKeepsItsNameAndState() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(Project.deb()).check();
            identity(root);
            assertEquals("raspberrypi-01234567", root.property("/var/lib/punnet/node.env", "PUNNET_NODE_NAME"));
            Files.writeString(root.path("/var/lib/punnet/meta-data.json"), "{\"services\":[\"nginx\"]}");

            Shell.Result again = identity(root);

            assertEquals("", again.output(), "nothing to do on the same machine");
            assertTrue(root.exists("/var/lib/punnet/meta-data.json"));
            assertEquals("raspberrypi-01234567", root.property("/var/lib/punnet/node.env", "PUNNET_NODE_NAME"));
        }
    }

    @Test
    void twoCopiesOfASealedCardGetTwoIdentitiesAndKeepTheCluster() throws IOException {
        try (ThrowawayRoot master = ThrowawayRoot.create(); ThrowawayRoot copy1 = ThrowawayRoot.create();
                ThrowawayRoot copy2 = ThrowawayRoot.create()) {
            master.install(Project.deb()).check();
            identity(master);
            Files.writeString(master.path("/var/lib/punnet/meta-data.json"), "{\"services\":[\"nginx\"]}");
            Files.createDirectories(master.path("/var/lib/punnet/.punnet/felix-cache"));
            Files.createDirectories(master.path("/etc/ssh"));
            Files.writeString(master.path("/etc/ssh/ssh_host_ed25519_key"), "secret");
            String key = master.property("/etc/punnet/secrets.properties", "cluster.key");

            new Shell().env("ROOT", master.dir().toString())
                    .run(Project.packaging().resolve("pi/install-punnet.sh").toString(), "seal").check();
            assertEquals("", Files.readString(master.path("/etc/machine-id")), "systemd writes a new one on first boot");
            assertFalse(master.exists("/etc/ssh/ssh_host_ed25519_key"));
            assertTrue(master.exists("/etc/locale.conf"), "systemd-firstboot will not wait for a locale");

            String[] names = new String[2];
            ThrowawayRoot[] copies = {copy1, copy2};
            for (int i = 0; i < copies.length; i++) {
                ThrowawayRoot copy = copies[i];
                new Shell().run("cp", "-a", master.dir() + "/.", copy.dir().toString()).check();
                Files.writeString(copy.path("/etc/machine-id"), (i + 1) + "abcdef0123456789abcdef012345678\n"); // systemd's doing
                identity(copy);
                names[i] = copy.property("/var/lib/punnet/node.env", "PUNNET_NODE_NAME");
                assertFalse(copy.exists("/var/lib/punnet/meta-data.json"), "the first node's services are not this one's");
                assertFalse(copy.exists("/var/lib/punnet/.punnet"));
                assertEquals(key, copy.property("/etc/punnet/secrets.properties", "cluster.key"), "same cluster");
            }
            String key1 = Files.readString(copy1.path("/etc/ssh/ssh_host_ed25519_key.pub"));
            String key2 = Files.readString(copy2.path("/etc/ssh/ssh_host_ed25519_key.pub"));
            assertNotEquals(key1, key2, "each copy made its own SSH host keys");
            assertEquals("raspberrypi-1abcdef0", names[0]);
            assertEquals("raspberrypi-2abcdef0", names[1]);
            assertNotEquals(names[0], names[1]);
        }
    }

    @Test
    void aMachineIdChangeWithoutSealingStillGivesANewIdentity() throws IOException {
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(Project.deb()).check();
            identity(root);
            Files.writeString(root.path("/var/lib/punnet/meta-data.json"), "{}");
            Path machineId = root.path("/etc/machine-id");
            Files.writeString(machineId, "fedcba9876543210fedcba9876543210\n");

            Shell.Result result = identity(root);

            assertTrue(result.output().contains("machine id changed"), result.output());
            assertFalse(root.exists("/var/lib/punnet/meta-data.json"));
            assertEquals("raspberrypi-fedcba98", root.property("/var/lib/punnet/node.env", "PUNNET_NODE_NAME"));
        }
    }
}
