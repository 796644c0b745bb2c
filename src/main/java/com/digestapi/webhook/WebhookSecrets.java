package com.digestapi.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures per the Standard Webhooks specification: a secret is {@code whsec_} and the base64 of 32
 * random bytes; a delivery is signed with HMAC-SHA256, keyed with those bytes, over {@code id.timestamp.body}, and
 * the signature header is {@code v1,} and the base64 of the MAC.
 */
final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    /** The prefix and 44 base64 characters (32 bytes, padded). */
    static final int LENGTH = 50;
    static final String PATTERN = "^whsec_[A-Za-z0-9+/]{43}=$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the webhook-signature header for this message. */
    static String signature(String secret, String messageId, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
