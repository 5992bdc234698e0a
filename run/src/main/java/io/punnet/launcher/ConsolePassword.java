package io.punnet.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The web console password in the hashed form the Felix web console checks:
 * {@code {sha-256}<salt hex>-<iterations>-<base64 of the hash>}, where the hash is SHA-256 applied
 * {@code iterations} times to the UTF-8 bytes of salt followed by the password.
 */
final class ConsolePassword {

    static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 8;

    private ConsolePassword() {
    }

    static boolean isHashed(String value) {
        return value.startsWith("{") && value.indexOf('}') > 1;
    }

    static String hash(String password, RandomGenerator random) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return "{sha-256}" + salt + "-" + ITERATIONS + "-" + Base64.getEncoder().encodeToString(digest(salt, password, ITERATIONS));
    }

    /** Whether {@code password} matches {@code hashed} (as the console will decide). */
    static boolean matches(String hashed, String password) {
        if (!hashed.startsWith("{sha-256}")) {
            return false;
        }
        String[] parts = hashed.substring("{sha-256}".length()).split("-", 3);
        if (parts.length != 3) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(expected, digest(parts[0], password, Integer.parseInt(parts[1])));
    }

    private static byte[] digest(String salt, String password, int iterations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] bytes = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                sha.reset();
                bytes = sha.digest(bytes);
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
