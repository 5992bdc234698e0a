package io.punnet.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam set-up of a real node: the distribution's own bundles (at start level 2, as the
 * launcher does), on loopback, with free ports and a throw-away data directory.
 *
 * <p>Logging is set up as in the distribution: slf4j is not a bundle but sits on the class path (here
 * the test's, with slf4j-simple as its binding), and the framework exports its packages as
 * bin/punnet does, at the version of the distribution's {@code lib/slf4j-api-*.jar}.
 */
final class PunnetOptions {

    /** A fixed test key (32 bytes, base64): never used outside tests. */
    static final String TEST_CLUSTER_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMTIzNDU=";
    static final String TEST_TOKEN = "test-token-0123456789abcdef";

    private PunnetOptions() {
    }

    static Option[] node(String name, int httpPort, int gossipPort) {
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(httpPort)));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("punnet.node.name").value(name));
        options.add(frameworkProperty("punnet.bind.address").value("127.0.0.1"));
        options.add(frameworkProperty("punnet.http.port").value(Integer.toString(httpPort)));
        options.add(frameworkProperty("punnet.gossip.port").value(Integer.toString(gossipPort)));
        options.add(frameworkProperty("punnet.cluster.name").value("itest"));
        options.add(frameworkProperty("punnet.cluster.key").value(TEST_CLUSTER_KEY));
        options.add(frameworkProperty("punnet.api.token").value(TEST_TOKEN));
        options.add(frameworkProperty("punnet.data.dir").value(tempDir(name).toString()));
        options.add(frameworkProperty("punnet.seeds").value(""));
        options.add(frameworkProperty("punnet.discovery.interfaces").value("none"));
        options.add(frameworkProperty("felix.webconsole.password").value("{sha-256}00112233aabbccdd-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        // Gogo must not read the test runner's stdin
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        options.add(systemPackages(slf4jPackages(Distribution.slf4jVersion())));
        for (Path jar : Distribution.jars("bundle")) {
            options.add(bundle(jar.toUri().toString()).startLevel(2));
        }
        options.add(frameworkStartLevel(10));
        options.add(junitBundles());
        return options.toArray(new Option[0]);
    }

    /** What slf4j-api's own bundle exports (1.7.36 for bundles that still import slf4j 1.7). */
    private static String[] slf4jPackages(String version) {
        return new String[] {"org.slf4j;version=" + version, "org.slf4j.event;version=" + version,
            "org.slf4j.helpers;version=" + version, "org.slf4j.spi;version=" + version,
            "org.slf4j;version=1.7.36", "org.slf4j.helpers;version=1.7.36"};
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("punnet-itest-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
