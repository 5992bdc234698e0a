package io.punnet.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;

/** Jars signed with the JDK's own keytool and jarsigner, then altered. */
class JarSignatureCheckTest {

    @TempDir
    static Path dir;

    private static Path signed;

    @BeforeAll
    static void sign() throws Exception {
        Path tools = Path.of(System.getProperty("java.home"), "bin");
        assumeTrue(Files.isExecutable(tools.resolve("jarsigner")), "the JDK has no jarsigner");
        Path store = dir.resolve("keys.p12");
        run(tools.resolve("keytool").toString(), "-genkeypair", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit", "-alias", "test", "-keyalg", "EC", "-dname", "CN=punnet test", "-validity", "2");
        signed = dir.resolve("signed.jar");
        Files.write(signed, TestJars.bundle("io.example.signed", "1.0.0"));
        run(tools.resolve("jarsigner").toString(), "-keystore", store.toString(), "-storepass", "changeit",
                signed.toString(), "test");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }

    /** A copy of the signed jar with one entry's bytes replaced, or one entry added. */
    private static Path altered(String name, byte[] content, boolean add) throws IOException {
        Path target = dir.resolve("altered-" + name.replace('/', '_') + add + ".jar");
        try (ZipFile in = new ZipFile(signed.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (!add && e.getName().equals(name)) {
                    out.write(content);
                } else {
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                }
            }
            if (add) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
            }
        }
        return target;
    }

    @Test
    void unsignedAndIntactSignedJarsPass() throws IOException {
        Path plain = Files.write(dir.resolve("plain.jar"), TestJars.bundle("io.example.plain", "1"));
        JarSignatureCheck.verify(plain, 1 << 20);
        JarSignatureCheck.verify(signed, 1 << 20);
    }

    @Test
    void anAlteredOrAddedEntryIsTampering() throws IOException {
        for (Path bad : List.of(altered("readme.txt", "evil".getBytes(StandardCharsets.UTF_8), false),
                altered("Evil.class", new byte[] {(byte) 0xca, (byte) 0xfe}, true))) {
            DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class,
                    () -> JarSignatureCheck.verify(bad, 1 << 20));
            assertEquals(Reason.TAMPERED, e.reason(), e.getMessage());
        }
    }

    @Test
    void inflationIsCapped() {
        assertEquals(Reason.TOO_LARGE, assertThrows(DeploymentRefusedException.class,
                () -> JarSignatureCheck.verify(signed, 10)).reason());
    }
}
