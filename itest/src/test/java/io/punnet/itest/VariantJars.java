package io.punnet.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Jars that hold the same bundle as another, under another digest. */
final class VariantJars {

    private VariantJars() {
    }

    /** A copy of {@code jar} with one more entry {@code META-INF/punnet-swap.txt} holding {@code note}. */
    static byte[] withExtraEntry(Path jar, String note) throws IOException {
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
            zip.putNextEntry(new ZipEntry("META-INF/punnet-swap.txt"));
            zip.write(note.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
