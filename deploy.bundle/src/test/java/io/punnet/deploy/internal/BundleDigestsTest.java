package io.punnet.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import io.punnet.deploy.core.Digests;

class BundleDigestsTest {

    @TempDir
    Path dir;

    /** A bundle that answers only what the digests ask: id, last modified, location. */
    private static Bundle bundle(long id, long lastModified, String location) {
        return (Bundle) Proxy.newProxyInstance(BundleDigestsTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getLastModified" -> lastModified;
                    case "getLocation" -> location;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aDistributionBundleIsHashedFromItsLocationFile() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), TestJars.bundle("a", "1"));
        BundleDigests digests = new BundleDigests(null);
        String expected = Digests.sha256Hex(Files.readAllBytes(jar));
        assertEquals(Optional.of(expected), digests.of(bundle(5, 100, jar.toUri().toString())));
        assertEquals(Optional.of(expected), digests.of(bundle(6, 100, "reference:" + jar.toUri())));
        assertEquals(Optional.empty(), digests.of(bundle(7, 100, "punnet:deploy:x")));
    }

    @Test
    void whatTheAgentInstalledWinsOverTheLocationAndSurvivesARestartOfTheAgent() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), TestJars.bundle("a", "1"));
        Path file = dir.resolve("installed");
        String deployed = Digests.sha256Hex(new byte[] {42});
        new BundleDigests(file).record(bundle(5, 200, jar.toUri().toString()), deployed);
        new BundleDigests(file).record(bundle(5, 300, jar.toUri().toString()), deployed);
        BundleDigests restarted = new BundleDigests(file);
        assertEquals(Optional.of(deployed), restarted.of(bundle(5, 300, jar.toUri().toString())));
        assertEquals(1, Files.readAllLines(file).size(), "one line per bundle: its latest revision");
        assertTrue(restarted.of(bundle(5, 400, jar.toUri().toString())).orElseThrow().equals(
                Digests.sha256Hex(Files.readAllBytes(jar))), "a revision the agent did not install is hashed");
    }
}
