package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;

/**
 * A jar that carries a jar signature ({@code META-INF/*.SF} with its block file) must verify: every
 * entry is read through {@link JarFile}'s verifier, which throws on a digest that does not match,
 * and every entry outside {@code META-INF/} must be covered by the signature (an entry added after
 * signing is tampering too). An unsigned jar passes: the rollout itself is authenticated by the
 * REST token and the cluster key. Reading is capped at {@code maxInflatedBytes} in total, so a zip
 * bomb costs bounded time; nothing is written to disk.
 */
final class JarSignatureCheck {

    private JarSignatureCheck() {
    }

    static void verify(Path jar, long maxInflatedBytes) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            if (!isSigned(file)) {
                return;
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        total += n;
                        if (total > maxInflatedBytes) {
                            throw new DeploymentRefusedException(Reason.TOO_LARGE, "the signed jar inflates to more than "
                                    + maxInflatedBytes + " bytes");
                        }
                    }
                }
                if (!entry.isDirectory() && !entry.getName().toUpperCase(Locale.ROOT).startsWith("META-INF/")
                        && entry.getCodeSigners() == null) {
                    throw new DeploymentRefusedException(Reason.TAMPERED, "the jar is signed but " + entry.getName()
                            + " is not covered by the signature: it was added or altered after signing");
                }
            }
        } catch (SecurityException e) {
            throw new DeploymentRefusedException(Reason.TAMPERED, "the jar's signature does not verify: " + e.getMessage());
        }
    }

    private static boolean isSigned(JarFile file) {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName().toUpperCase(Locale.ROOT);
            if (name.startsWith("META-INF/") && name.endsWith(".SF")) {
                return true;
            }
        }
        return false;
    }
}
