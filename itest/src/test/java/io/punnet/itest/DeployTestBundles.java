package io.punnet.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Test bundles for the deploy tests, written in memory: a manifest and one DS component XML whose
 * implementation is {@code java.lang.Object} (so no class needs compiling), immediate, with an
 * optional mandatory reference to a service nobody provides (a "broken" bundle whose component can
 * never be satisfied) or an import of a package nobody exports (a bundle that cannot resolve).
 */
final class DeployTestBundles {

    static final String NAME = "io.punnet.itest.hello";

    private DeployTestBundles() {
    }

    /** A bundle whose one component becomes ACTIVE. */
    static byte[] good(String version) {
        return jar(NAME, version, null, false);
    }

    /** A bundle whose component waits forever for a service that does not exist. */
    static byte[] unsatisfied(String version) {
        return jar(NAME, version, null, true);
    }

    /** A bundle that cannot resolve. */
    static byte[] unresolvable(String version) {
        return jar(NAME, version, "io.punnet.itest.nowhere", false);
    }

    static byte[] jar(String name, String version, String importPackage, boolean missingReference) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", name);
        a.putValue("Bundle-Version", version);
        a.putValue("Service-Component", "OSGI-INF/hello.xml");
        if (importPackage != null) {
            a.putValue("Import-Package", importPackage);
        }
        String reference = missingReference
                ? "<reference name=\"store\" interface=\"io.punnet.itest.NoSuchService\" cardinality=\"1..1\"/>" : "";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + ".Hello\""
                + " immediate=\"true\"><implementation class=\"java.lang.Object\"/>" + reference
                + "<property name=\"built.version\" value=\"" + version + "\"/></scr:component>\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new ZipEntry("OSGI-INF/hello.xml"));
            jar.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The node's options with the deploy bundle taken from this build (deploy.bundle/target) instead
     * of the distribution, so that the tests run the deploy code they test.
     */
    static Option[] nodeWithThisDeployBundle(String name) {
        Path built = Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize()
                .getParent().getParent().getParent().resolve("deploy.bundle/target/deploy.bundle-0.1.0-SNAPSHOT.jar");
        List<Option> options = new ArrayList<>();
        for (Option o : PunnetOptions.node(name, Ports.free(), Ports.free())) {
            if (o instanceof UrlProvisionOption p && p.getURL().contains("deploy.bundle-") && built.toFile().isFile()) {
                options.add(new UrlProvisionOption(built.toUri().toString()).startLevel(2));
            } else {
                options.add(o);
            }
        }
        return options.toArray(new Option[0]);
    }
}
