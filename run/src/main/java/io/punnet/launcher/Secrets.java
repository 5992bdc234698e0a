package io.punnet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The node's secrets in {@code conf/secrets.properties} (mode 600): the cluster key, the API
 * token and the hashed web console password. A secret given by setting wins; one that is neither
 * set nor stored is generated on first start, stored, and announced once on the console (the
 * console password is printed only then, since only its hash is kept).
 */
final class Secrets {

    static final String FILE_NAME = "secrets.properties";
    private static final int KEY_BYTES = 32;
    private static final int TOKEN_BYTES = 24;

    private final Path file;
    private final RandomGenerator random;
    private final PrintStream out;

    Secrets(Path confDir, RandomGenerator random, PrintStream out) {
        this.file = confDir.resolve(FILE_NAME);
        this.random = random;
        this.out = out;
    }

    /** The settings with every secret filled in; writes the file when something was generated. */
    NodeSettings complete(NodeSettings settings) throws IOException {
        Properties stored = load();
        boolean changed = false;

        List<String> keys = settings.clusterKeys();
        if (keys.isEmpty()) {
            String key = stored.getProperty(Setting.CLUSTER_KEY.key());
            if (key == null) {
                key = Base64.getEncoder().encodeToString(randomBytes(KEY_BYTES));
                stored.setProperty(Setting.CLUSTER_KEY.key(), key);
                changed = true;
                out.println("punnet: generated a new cluster key into " + file
                        + " - give every node of this cluster the same key (copy the file, or set PUNNET_CLUSTER_KEY)");
            }
            keys = List.of(key.split(","));
        }

        String token = settings.apiToken();
        if (token.isEmpty()) {
            token = stored.getProperty(Setting.API_TOKEN.key());
            if (token == null) {
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(TOKEN_BYTES));
                stored.setProperty(Setting.API_TOKEN.key(), token);
                changed = true;
                out.println("punnet: generated a REST API token into " + file);
            }
        }

        String console = settings.consolePassword();
        if (console.isEmpty()) {
            console = stored.getProperty(Setting.CONSOLE_PASSWORD.key());
            if (console == null) {
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(12));
                console = ConsolePassword.hash(password, random);
                stored.setProperty(Setting.CONSOLE_PASSWORD.key(), console);
                changed = true;
                out.println("punnet: web console user 'admin', password '" + password
                        + "' (shown once; only its hash is kept in " + file + ")");
            }
        } else if (!ConsolePassword.isHashed(console)) {
            console = ConsolePassword.hash(console, random);
        }

        if (changed) {
            store(stored);
        }
        return settings.withSecrets(keys, token, console);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private Properties load() throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private void store(Properties properties) throws IOException {
        StringWriter text = new StringWriter();
        text.write("# Secrets of this Punnet node, written by the launcher. Keep this file private (mode 600).\n");
        text.write("# cluster.key must be the same on every node of the cluster.\n");
        for (var entry : new TreeMap<>(properties).entrySet()) {
            text.write(entry.getKey() + "=" + entry.getValue() + "\n");
        }
        AtomicFiles.write(file, text.toString(), PosixFilePermissions.fromString("rw-------"));
    }
}
