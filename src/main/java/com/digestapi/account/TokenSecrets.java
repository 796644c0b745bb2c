package com.digestapi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of API tokens: {@code dgst_}, 256 random bits in base64url, then a CRC-32 of what precedes it in hex. The
 * prefix lets secret scanners and people recognise a leaked token; the checksum lets a typo or a made-up token be
 * refused without a database read.
 */
final class TokenSecrets {

    static final String PREFIX = "dgst_";
    /** Prefix, 43 base64url characters (32 bytes) and 8 hex digits. */
    static final int LENGTH = 56;
    static final String PATTERN = "^dgst_[A-Za-z0-9_-]{43}[0-9a-f]{8}$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String body = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return body + checksum(body);
    }

    /** True when the token has the shape and checksum of one this service issues (it may still be unknown). */
    static boolean wellFormed(String token) {
        return token.length() == LENGTH && SHAPE.matcher(token).matches()
                && checksum(token.substring(0, LENGTH - 8)).equals(token.substring(LENGTH - 8));
    }

    /** What the database stores and looks tokens up by. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }
}
