package io.punnet.deploy.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as Punnet writes them: 64 lower-case hex digits in files, APIs and URLs; a
 * 16-digit prefix where space is short (the gossiped inventory and held-artifact lists).
 */
public final class Digests {

    /** Hex digits of a full SHA-256. */
    public static final int HEX_LENGTH = 64;

    /** Hex digits of the short form gossiped in lists. */
    public static final int PREFIX_LENGTH = 16;

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    /** A fresh SHA-256 message digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The hex SHA-256 of some bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** The hex form of a finished digest. */
    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** True for exactly 64 lower-case hex digits. */
    public static boolean isSha256Hex(String text) {
        return text != null && text.length() == HEX_LENGTH && isLowerHex(text);
    }

    /** True for exactly 16 lower-case hex digits. */
    public static boolean isPrefix(String text) {
        return text != null && text.length() == PREFIX_LENGTH && isLowerHex(text);
    }

    /** The short form of a full hex digest. */
    public static String prefix(String sha256Hex) {
        return sha256Hex.substring(0, PREFIX_LENGTH);
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
