package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;

/**
 * Reads a stored jar's manifest, and only that: the zip's central directory is consulted for the one
 * entry {@code META-INF/MANIFEST.MF}, whose inflated size is capped at {@value #MAX_MANIFEST_BYTES}
 * bytes (a zip bomb cannot make it inflate more). Nothing is extracted to disk.
 */
final class ManifestReader {

    static final int MAX_MANIFEST_BYTES = 256 * 1024;

    private ManifestReader() {
    }

    /**
     * The manifest's main attributes, or null when the jar has no manifest.
     *
     * @throws DeploymentRefusedException NOT_A_JAR or NO_MANIFEST (unreadable)
     */
    static Map<String, String> mainAttributes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
            if (entry == null) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            }
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new DeploymentRefusedException(Reason.NO_MANIFEST, "the manifest is larger than "
                        + MAX_MANIFEST_BYTES + " bytes");
            }
            Manifest manifest = new Manifest(new java.io.ByteArrayInputStream(bytes));
            Map<String, String> attributes = new HashMap<>();
            for (Map.Entry<Object, Object> e : manifest.getMainAttributes().entrySet()) {
                attributes.put(((Attributes.Name) e.getKey()).toString(), (String) e.getValue());
            }
            return attributes;
        } catch (ZipException e) {
            throw new DeploymentRefusedException(Reason.NOT_A_JAR, "the body is not a jar (zip) file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DeploymentRefusedException refused) {
                throw refused;
            }
            throw new DeploymentRefusedException(Reason.NO_MANIFEST, "the manifest cannot be read: " + e.getMessage());
        }
    }
}
