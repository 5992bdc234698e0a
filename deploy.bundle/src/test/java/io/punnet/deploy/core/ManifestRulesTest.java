package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;

class ManifestRulesTest {

    private static Map<String, String> manifest(String name, String version) {
        Map<String, String> m = new HashMap<>();
        m.put("Bundle-ManifestVersion", "2");
        if (name != null) {
            m.put("Bundle-SymbolicName", name);
        }
        if (version != null) {
            m.put("Bundle-Version", version);
        }
        return m;
    }

    private static Reason refusal(Map<String, String> m, boolean allowGossip) {
        return assertThrows(DeploymentRefusedException.class, () -> ManifestRules.check(m, allowGossip)).reason();
    }

    @Test
    void aBundleGivesItsNameWithoutDirectivesAndItsVersion() {
        BundleIdentity id = ManifestRules.check(manifest("io.example.hello;singleton:=true", "1.2.3.beta"), false);
        assertEquals("io.example.hello", id.symbolicName());
        assertEquals("1.2.3.beta", id.version().toString());
    }

    @Test
    void everyBadManifestHasItsReason() {
        assertEquals(Reason.NO_MANIFEST, refusal(null, false));
        assertEquals(Reason.NO_SYMBOLIC_NAME, refusal(manifest(null, "1"), false));
        assertEquals(Reason.NO_SYMBOLIC_NAME, refusal(manifest(" ", "1"), false));
        assertEquals(Reason.BAD_MANIFEST, refusal(manifest("a b", "1"), false));
        assertEquals(Reason.BAD_MANIFEST, refusal(manifest("a", "1.x"), false));
        Map<String, String> r3 = manifest("a", "1");
        r3.remove("Bundle-ManifestVersion");
        assertEquals(Reason.BAD_MANIFEST, refusal(r3, false));
        Map<String, String> fragment = manifest("a", "1");
        fragment.put("Fragment-Host", "b");
        assertEquals(Reason.NOT_DEPLOYABLE, refusal(fragment, false));
        assertEquals(Reason.NOT_DEPLOYABLE, refusal(manifest("io.punnet.deploy", "1"), true));
        assertEquals(Reason.NOT_DEPLOYABLE, refusal(manifest("org.apache.felix.framework", "7"), true));
    }

    @Test
    void gossipNeedsExplicitPermission() {
        assertEquals(Reason.GOSSIP_NOT_ALLOWED, refusal(manifest("io.punnet.gossip", "1"), false));
        assertEquals("io.punnet.gossip", ManifestRules.check(manifest("io.punnet.gossip", "1"), true).symbolicName());
    }
}
