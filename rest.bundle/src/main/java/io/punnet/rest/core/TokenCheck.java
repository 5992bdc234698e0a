package io.punnet.rest.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} against the node's token in constant time: both
 * sides are hashed to SHA-256 first and compared with {@link MessageDigest#isEqual}, so neither the
 * position of the first wrong character nor the token's length leaks through the response time.
 * With no token configured, nothing passes (fail closed).
 */
public final class TokenCheck {

    private static final String BEARER = "bearer ";

    private final byte[] expectedDigest;

    /** @param token the node's token; null or blank: no request passes */
    public TokenCheck(String token) {
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token);
    }

    /** Whether the Authorization header value carries the right bearer token. */
    public boolean accepts(String authorization) {
        if (expectedDigest == null || authorization == null || authorization.length() <= BEARER.length()) {
            return false;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER.length()).trim();
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
