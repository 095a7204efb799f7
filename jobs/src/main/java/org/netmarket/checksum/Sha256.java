package org.netmarket.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one checksum of the job: of delivered files (which text a run read), of the
 * edition file (which text a run scored with) and of what staged rows depend on. Lower-case
 * hex, as {@code sha256sum} prints it, so that an analyst can compare with the shell.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** A digest to feed in pieces (a file read once for its encoding and its checksum). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The hex digest of what {@code digest} (one of {@link #newDigest}) was fed. */
    public static String finish(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hex digest of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The hex digest of {@code text} in UTF-8. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
