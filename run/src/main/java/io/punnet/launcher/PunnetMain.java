package io.punnet.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts a Punnet node: resolves and validates the settings ({@code conf/punnet.properties},
 * overridden by {@code PUNNET_*} environment variables), completes the secrets, hands everything
 * to the framework as properties, and runs the Apache Felix launcher
 * ({@code org.apache.felix.main.Main}) on {@code conf/config.properties}.
 *
 * <p>The bundles of {@code bundle/} start at level 2; jars put in an optional {@code boot/} start
 * before them, at level 1 (the distribution has none: slf4j is on the class path, in {@code lib/}, and
 * the framework exports it: {@link LoggingExports}). A bad setting stops the start with one line naming it, and exit status 2.
 */
public final class PunnetMain {

    static final int EXIT_BAD_SETTING = 2;

    private PunnetMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("punnet.home", ".")).toAbsolutePath().normalize();
        Path conf = Path.of(System.getenv().getOrDefault("PUNNET_CONF_DIR", home.resolve("conf").toString())).toAbsolutePath();
        NodeSettings settings;
        try {
            settings = new SettingsResolver(readProperties(conf.resolve("punnet.properties")), System.getenv(),
                    HostFacts.system()).resolve();
            settings = new Secrets(conf, new SecureRandom(), System.out).complete(settings);
            Files.createDirectories(settings.dataDir());
        } catch (SettingException e) {
            System.err.println("punnet: cannot start: " + e.getMessage());
            System.exit(EXIT_BAD_SETTING);
            return;
        } catch (IOException e) {
            System.err.println("punnet: cannot start: " + describe(e));
            System.exit(EXIT_BAD_SETTING);
            return;
        }
        frameworkProperties(home, conf, settings, System.console() != null).forEach(System::setProperty);
        LoggingExports.extraPackages(System.getProperty(LoggingExports.SYSTEM_PACKAGES_EXTRA),
                LoggingExports.slf4jVersion(PunnetMain.class.getClassLoader()))
                .ifPresent(extra -> System.setProperty(LoggingExports.SYSTEM_PACKAGES_EXTRA, extra));
        System.out.printf("punnet: node %s of cluster '%s', gossip on %s:%d, dashboard on http://%s:%d/%n",
                settings.nodeName(), settings.clusterName(), settings.bindAddress(), settings.gossipPort(),
                "0.0.0.0".equals(settings.httpHost()) ? settings.bindAddress() : settings.httpHost(), settings.httpPort());
        org.apache.felix.main.Main.main(args);
    }

    /** Everything the framework and the bundles read, as framework (system) properties. */
    static Map<String, String> frameworkProperties(Path home, Path conf, NodeSettings s, boolean interactive)
            throws IOException {
        Map<String, String> p = new HashMap<>();
        p.put("punnet.home", home.toString());
        p.put("punnet.conf.dir", conf.toString());
        p.put(Setting.NODE_NAME.property(), s.nodeName());
        p.put(Setting.BIND_ADDRESS.property(), s.bindAddress());
        p.put(Setting.HTTP_HOST.property(), s.httpHost());
        p.put(Setting.HTTP_PORT.property(), Integer.toString(s.httpPort()));
        p.put(Setting.GOSSIP_PORT.property(), Integer.toString(s.gossipPort()));
        p.put(Setting.SEEDS.property(), String.join(",", s.seeds()));
        p.put(Setting.CLUSTER_NAME.property(), s.clusterName());
        p.put(Setting.CLUSTER_KEY.property(), String.join(",", s.clusterKeys()));
        p.put(Setting.DATA_DIR.property(), s.dataDir().toString());
        p.put(Setting.API_TOKEN.property(), s.apiToken());
        p.put(Setting.REST_OPEN_NETWORKS.property(), String.join(",", s.openNetworks()));
        p.put(Setting.DISCOVERY_INTERFACES.property(), String.join(",", s.discoveryInterfaces()));
        // Jetty (Felix HTTP) and the web console
        p.put("org.osgi.service.http.port", Integer.toString(s.httpPort()));
        p.put("org.apache.felix.http.host", s.httpHost());
        p.put("felix.webconsole.username", "admin");
        p.put("felix.webconsole.password", s.consolePassword());
        // the Felix launcher
        p.put("felix.config.properties", conf.resolve("config.properties").toUri().toString());
        p.put("felix.auto.deploy.dir", home.resolve("bundle").toString());
        p.put("felix.auto.start.1", bootBundles(home.resolve("boot")));
        p.put("org.osgi.framework.storage", s.dataDir().resolve(".punnet").resolve("felix-cache").toString());
        // without a terminal (systemd, tests) Gogo must not read stdin: EOF would stop the framework
        if (!interactive) {
            p.put("gosh.args", "--nointeractive");
        }
        return p;
    }

    private static String bootBundles(Path boot) throws IOException {
        List<String> urls = new ArrayList<>();
        if (Files.isDirectory(boot)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(boot, "*.jar")) {
                jars.forEach(jar -> urls.add(jar.toUri().toString()));
            }
        }
        urls.sort(null);
        return String.join(" ", urls);
    }

    /** One line for an I/O failure: what could not be done, and where. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            Path where = Path.of(denied.getFile());
            Path dir = where.getParent() == null ? where : where.getParent();
            return "no permission to write in " + dir + " (the node keeps its secrets and state there)";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        }
        return values;
    }
}
