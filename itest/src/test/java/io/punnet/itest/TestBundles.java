package io.punnet.itest;

import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** Manifests of the small bundles tests build on the fly. */
final class TestBundles {

    private TestBundles() {
    }

    /** The headers every OSGi R4+ bundle needs: manifest version 2, symbolic name and version. */
    static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        return manifest;
    }
}
