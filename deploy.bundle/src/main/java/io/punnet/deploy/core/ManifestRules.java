package io.punnet.deploy.core;

import java.util.Map;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;

/**
 * Decides whether a manifest describes a bundle that may be rolled out, from its main attributes
 * only (the jar is never extracted). Refused: no manifest; no {@code Bundle-SymbolicName}; a
 * manifest version other than 2 (pre-OSGi-R4 jars); a malformed version; a fragment (it cannot be
 * started, so "active" would mean nothing); the framework; the deploy bundle itself (it would be
 * stopped in the middle of its own update); and the gossip bundle unless it was explicitly allowed.
 */
public final class ManifestRules {

    /** The gossip bundle: updating it restarts gossip on the node. */
    public static final String GOSSIP = "io.punnet.gossip";

    /** This bundle. */
    public static final String DEPLOY = "io.punnet.deploy";

    private ManifestRules() {
    }

    /**
     * The identity of the bundle, or a refusal.
     *
     * @param mainAttributes the manifest's main attributes, or null when the jar has none
     * @param allowGossip    whether the submitter allowed touching the gossip bundle
     */
    public static BundleIdentity check(Map<String, String> mainAttributes, boolean allowGossip) {
        if (mainAttributes == null) {
            throw new DeploymentRefusedException(Reason.NO_MANIFEST, "the jar has no META-INF/MANIFEST.MF");
        }
        String header = mainAttributes.get("Bundle-SymbolicName");
        if (header == null || header.isBlank()) {
            throw new DeploymentRefusedException(Reason.NO_SYMBOLIC_NAME,
                    "the manifest has no Bundle-SymbolicName: this is a plain jar, not a bundle");
        }
        String name = header.split(";", 2)[0].trim();
        if (!DesiredStateCodec.isGossipableName(name)) {
            throw new DeploymentRefusedException(Reason.BAD_MANIFEST, "Bundle-SymbolicName '" + name
                    + "' has characters other than letters, digits, '_', '.' and '-'");
        }
        if (!"2".equals(trimmed(mainAttributes.get("Bundle-ManifestVersion")))) {
            throw new DeploymentRefusedException(Reason.BAD_MANIFEST, "Bundle-ManifestVersion must be 2");
        }
        OsgiVersion version;
        try {
            version = OsgiVersion.parse(mainAttributes.get("Bundle-Version"));
        } catch (IllegalArgumentException e) {
            throw new DeploymentRefusedException(Reason.BAD_MANIFEST, "Bundle-Version: " + e.getMessage());
        }
        if (mainAttributes.get("Fragment-Host") != null) {
            throw new DeploymentRefusedException(Reason.NOT_DEPLOYABLE, name + " is a fragment; only bundles that start can be rolled out");
        }
        if (name.equals(DEPLOY) || name.equals("system.bundle") || name.equals("org.apache.felix.framework")) {
            throw new DeploymentRefusedException(Reason.NOT_DEPLOYABLE, name + " cannot be rolled out by the deploy bundle;"
                    + " update it with the distribution");
        }
        if (name.equals(GOSSIP) && !allowGossip) {
            throw new DeploymentRefusedException(Reason.GOSSIP_NOT_ALLOWED, "this would update the gossip bundle, which restarts"
                    + " gossip on every targeted node; allow it explicitly (allowGossip) to go on");
        }
        return new BundleIdentity(name, version);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
