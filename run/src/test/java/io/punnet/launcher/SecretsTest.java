package io.punnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path conf;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private NodeSettings complete(NodeSettings settings) throws Exception {
        return new Secrets(conf, new SplittableRandom(42), new PrintStream(console, true, StandardCharsets.UTF_8))
                .complete(settings);
    }

    private static NodeSettings unset() {
        return new NodeSettings("n1", "127.0.0.1", "0.0.0.0", 8080, 7946, List.of(), "punnet", List.of(), Path.of("/tmp"),
                "", "", List.of(), List.of());
    }

    @Test
    void firstStartGeneratesStoresAndAnnouncesEverySecret() throws Exception {
        NodeSettings s = complete(unset());
        assertEquals(32, Base64.getDecoder().decode(s.clusterKeys().get(0)).length);
        assertTrue(s.apiToken().length() >= 16);
        assertTrue(ConsolePassword.isHashed(s.consolePassword()));

        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher password = Pattern.compile("password '([^']+)'").matcher(printed);
        assertTrue(password.find(), printed);
        assertTrue(ConsolePassword.matches(s.consolePassword(), password.group(1)), "the printed password opens the console");
        assertFalse(ConsolePassword.matches(s.consolePassword(), "admin"), "admin is never the password");

        Path file = conf.resolve(Secrets.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String stored = Files.readString(file);
        assertFalse(stored.contains(password.group(1)), "only the hash of the console password is stored");
    }

    @Test
    void secondStartReusesTheStoredSecretsAndPrintsNothing() throws Exception {
        NodeSettings first = complete(unset());
        console.reset();
        NodeSettings second = complete(unset());
        assertEquals(first.clusterKeys(), second.clusterKeys());
        assertEquals(first.apiToken(), second.apiToken());
        assertEquals(first.consolePassword(), second.consolePassword());
        assertEquals("", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenSecretsWinAndAPlainConsolePasswordIsHashed() throws Exception {
        String key = "AAECAwQFBgcICQoLDA0ODw==";
        NodeSettings given = new NodeSettings("n1", "127.0.0.1", "0.0.0.0", 8080, 7946, List.of(), "punnet", List.of(key),
                Path.of("/tmp"), "a-token-of-twenty-chars", "s3cret-console", List.of(), List.of());
        NodeSettings s = complete(given);
        assertEquals(List.of(key), s.clusterKeys());
        assertEquals("a-token-of-twenty-chars", s.apiToken());
        assertNotEquals("s3cret-console", s.consolePassword());
        assertTrue(ConsolePassword.matches(s.consolePassword(), "s3cret-console"));
        assertFalse(Files.exists(conf.resolve(Secrets.FILE_NAME)), "nothing generated, nothing written");
    }

    @Test
    void consoleHashHasTheWebConsoleFormat() {
        String hash = ConsolePassword.hash("pw", new SplittableRandom(1));
        assertTrue(hash.matches("\\{sha-256\\}[0-9a-f]{16}-10000-[A-Za-z0-9+/]{43}="), hash);
    }

    @Test
    void everySettingIsDocumentedInTheShippedPunnetProperties() throws Exception {
        String shipped = Files.readString(Path.of("src/dist/conf/punnet.properties"));
        for (Setting setting : Setting.values()) {
            assertTrue(shipped.contains("#" + setting.key() + "="), "conf/punnet.properties documents " + setting.key());
        }
        Map<String, String> values = PunnetMain.readProperties(Path.of("src/dist/conf/punnet.properties"));
        assertTrue(values.isEmpty(), "the shipped file sets nothing: every default works as it is");
    }
}
