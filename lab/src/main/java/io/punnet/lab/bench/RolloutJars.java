package io.punnet.lab.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The jars the rollout benchmark rolls out: a small bundle written in memory (a manifest and one
 * immediate DS component whose implementation is {@code java.lang.Object}, so that nothing needs
 * compiling: it is ACTIVE as soon as SCR sees it), and copies of a real bundle under another digest.
 */
final class RolloutJars {

    /** The symbolic name of the small bundle. */
    static final String HELLO = "io.punnet.lab.hello";

    private RolloutJars() {
    }

    /** The small bundle at {@code version} (each version a new digest). */
    static byte[] hello(String version) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", HELLO);
        a.putValue("Bundle-Version", version);
        a.putValue("Service-Component", "OSGI-INF/hello.xml");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + HELLO + ".Hello\""
                + " immediate=\"true\"><implementation class=\"java.lang.Object\"/>"
                + "<property name=\"built.version\" value=\"" + version + "\"/></scr:component>\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new ZipEntry("OSGI-INF/hello.xml"));
            jar.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A copy of {@code jar} with one more entry holding {@code note}: the same bundle, another digest. */
    static byte[] variant(Path jar, String note) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(zip);
                }
            }
            zip.putNextEntry(new ZipEntry("META-INF/punnet-rollout.txt"));
            zip.write(note.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
