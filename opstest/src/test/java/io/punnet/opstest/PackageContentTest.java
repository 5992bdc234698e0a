package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the built package says about itself ({@code dpkg-deb}): its control fields, its conffiles,
 * where every part of the node distribution lands, and that nothing of it is owned by anyone but
 * root. Proves the layout the unit and the maintainer scripts rely on.
 */
class PackageContentTest {

    private static Path deb;

    @BeforeAll
    static void locate() {
        assumeTrue(Shell.has("dpkg-deb"), "dpkg-deb is not installed");
        deb = Project.deb();
    }

    private static String field(String name) {
        return new Shell().run("dpkg-deb", "-f", deb.toString(), name).check().output().trim();
    }

    @Test
    void controlFieldsDescribeAnArchitectureIndependentNodeNeedingJava17() {
        assertEquals("punnet", field("Package"));
        assertEquals("all", field("Architecture"));
        assertEquals("openjdk-17-jre-headless | java17-runtime-headless", field("Depends"));
        String version = field("Version");
        assertTrue(deb.getFileName().toString().equals("punnet_" + version + "_all.deb"),
                "the file name carries the control version: " + deb.getFileName() + " vs " + version);
        assertTrue(version.matches("[0-9][0-9A-Za-z.+~]*"), "a Debian version: " + version);
    }

    @Test
    void configurationFilesAreConffilesSoUpgradesKeepTheAdministratorsEdits() {
        String conffiles = new Shell().run("dpkg-deb", "-I", deb.toString(), "conffiles").check().output();
        Set<String> listed = new TreeSet<>(Arrays.asList(conffiles.trim().split("\\s+")));
        assertEquals(new TreeSet<>(List.of("/etc/punnet/config.properties", "/etc/punnet/jvm.options",
                "/etc/punnet/punnet.properties", "/etc/default/punnet")), listed);
    }

    @Test
    void lintianFindsNothingToSay() {
        assumeTrue(Shell.has("lintian"), "lintian is not installed");
        Shell.Result result = new Shell().timeout(java.time.Duration.ofSeconds(180)).run("lintian", deb.toString());
        List<String> tags = result.output().lines().filter(l -> l.matches("[EW]: .*")).toList();
        assertEquals(List.of(), tags, result.output());
        assertEquals(0, result.exit(), result.describe());
    }

    @Test
    void theDistributionLandsInUsrShareAndTheUnitsInSystemd() {
        List<String> lines = new Shell().run("dpkg-deb", "-c", deb.toString()).check().output().lines().toList();
        Set<String> paths = lines.stream().map(l -> l.substring(l.indexOf("./") + 1).replaceAll(" -> .*", ""))
                .collect(Collectors.toSet());
        for (String expected : List.of("/usr/share/punnet/bin/punnet", "/usr/share/punnet/bin/punnet-identity",
                "/usr/share/punnet/lib/punnet-launcher.jar", "/usr/share/punnet/lib/felix.jar", "/usr/share/punnet/conf",
                "/lib/systemd/system/punnet.service", "/lib/systemd/system/punnet-identity.service",
                "/usr/share/doc/punnet/copyright", "/usr/share/doc/punnet/changelog.gz")) {
            assertTrue(paths.contains(expected), expected + " is not in the package:\n" + String.join("\n", lines));
        }
        assertTrue(paths.stream().anyMatch(p -> p.matches("/usr/share/punnet/bundle/gossip\\.bundle-.*\\.jar")), "gossip bundle");
        assertTrue(paths.stream().anyMatch(p -> p.matches("/usr/share/punnet/lib/slf4j-api-.*\\.jar")),
                "slf4j on the framework class path");
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("/usr/share/punnet/boot/")), "no boot bundles any more");
        assertTrue(lines.stream().anyMatch(l -> l.contains("./usr/share/punnet/conf -> /etc/punnet")),
                "bin/punnet finds conf/jvm.options through the link to /etc/punnet");
        assertTrue(lines.stream().filter(l -> l.contains("/bin/punnet")).allMatch(l -> l.startsWith("-rwxr-xr-x")),
                "the launchers are executable");
        assertTrue(lines.stream().allMatch(l -> l.contains(" root/root ")), "everything is owned by root");
    }
}
