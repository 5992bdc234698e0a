package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The installed package boots as its service would run it: the node from /usr/share/punnet, run
 * as the system user the postinst created (its uid and gid, no other group, no capability),
 * with the unit's environment (PUNNET_CONF_DIR=/etc/punnet, PUNNET_DATA_DIR=/var/lib/punnet,
 * HOME), no terminal on stdin, all of it inside a throwaway root. Proves that the owners and modes
 * the package sets let the node read its configuration, complete its secrets in /etc/punnet (the
 * web console password hash, written by the launcher on the first start into the sticky,
 * group-writable directory) and keep its state in /var/lib/punnet, and that it answers its API and
 * stops cleanly on SIGTERM. Runs in a network namespace of its own (loopback only).
 *
 * <p>What differs from systemd: the java command line is bin/punnet's (its conf/jvm.options link
 * points at the real /etc/punnet, absent here), and the unit's sandboxing is not applied.
 */
class PackagedNodeTest {

    @Test
    void theInstalledNodeStartsAsItsUserCompletesItsSecretsAndAnswers() throws Exception {
        assumeTrue(NetnsLab.possible() && Shell.has("setpriv") && Shell.has("curl") && Shell.has("dpkg"),
                "needs root, ip netns, setpriv, curl, dpkg");
        try (ThrowawayRoot root = ThrowawayRoot.create()) {
            root.install(Project.deb()).check();
            Files.setPosixFilePermissions(root.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
            int uid = root.uid("punnet");
            Path home = root.path("/usr/share/punnet");
            Path conf = root.path("/etc/punnet");
            Path data = root.path("/var/lib/punnet");
            try (NetnsLab lab = NetnsLab.loopbackOnly("pkg")) {
                Map<String, String> env = Map.of("PUNNET_CONF_DIR", conf.toString(), "PUNNET_DATA_DIR", data.toString(),
                        "HOME", data.toString(), "PUNNET_BIND_ADDRESS", "127.0.0.1", "PUNNET_DISCOVERY_INTERFACES", "none",
                        "PUNNET_NODE_NAME", "packaged");
                Process node = lab.spawn("pkg", env, root.path("/tmp/node.log"), "setpriv",
                        "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                        "java", "-Xmx96m", "-XX:+UseSerialGC", "-Dpunnet.home=" + home, "-cp",
                        home.resolve("lib/punnet-launcher.jar") + ":" + home.resolve("lib/felix.jar"), "io.punnet.launcher.PunnetMain");
                try {
                    String answer = awaitApi(lab, node, Duration.ofSeconds(120), root.path("/tmp/node.log"));
                    assertTrue(answer.contains("\"name\":\"packaged\""), answer);
                    String console = root.property("/etc/punnet/secrets.properties", "console.password");
                    assertNotNull(console, "the node completed its secrets in /etc/punnet");
                    assertTrue(console.startsWith("{sha-256}"), console);
                    assertEquals(uid, (int) Files.getAttribute(root.path("/etc/punnet/secrets.properties"), "unix:uid"));
                    assertTrue(Files.isDirectory(data.resolve(".punnet/felix-cache")), "state in /var/lib/punnet");
                } finally {
                    NetnsLab.stop(node);
                }
                assertTrue(node.exitValue() == 0 || node.exitValue() == 143, "a clean stop on SIGTERM: " + node.exitValue());
                assertTrue(Files.readString(root.path("/tmp/node.log")).contains("punnet: node packaged"));
            }
        }
    }

    private static String awaitApi(NetnsLab lab, Process node, Duration limit, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && node.isAlive()) {
            Shell.Result r = lab.exec("pkg", Map.of(), Duration.ofSeconds(10), "curl", "-sf", "-m", "5",
                    "http://127.0.0.1:8080/api/v1/node");
            if (r.ok()) {
                return r.output();
            }
            Thread.sleep(1000); // polling a starting JVM, not timing a unit
        }
        throw new AssertionError((node.isAlive() ? "the packaged node did not answer within " + limit.toSeconds() + " s"
                : "the packaged node exited " + node.exitValue()) + ":\n" + Files.readString(log));
    }
}
