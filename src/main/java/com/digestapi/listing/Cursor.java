package com.digestapi.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a keyset page starts: the sort keys of the row before it (the id last), how many rows the walk has passed
 * (which gives the page its number), and the fingerprint of the list it belongs to (entity, sort and the filters'
 * values; see {@link ListQuery}). Each key is its value as text ({@code 2024-10-05}, {@code 2024-10-05T10:00:00.123456Z},
 * {@code 42}) or null, so dates, instants, strings and numbers come back exactly as they left.
 *
 * <p>On the wire: base64url of the JSON {@code {"l": fingerprint, "p": position, "k": [keys]}}, a dot, and a checksum of
 * that JSON. The checksum is no secret: it makes an edited or truncated cursor a 400 instead of another position, but a
 * client who forges a well-formed cursor only chooses where in the same list its page starts, which page numbers allow
 * anyway.
 */
public record Cursor(String list, long position, List<String> keys) {

    /** Longer than any cursor made here (the longest sort keys are a 500-character headline and a slug). */
    public static final int MAX_LENGTH = 8192;
    static final int MAX_KEYS = 20;
    static final long MAX_POSITION = Integer.MAX_VALUE;

    /** The form of every cursor: the base64url JSON, a dot, the checksum. */
    public static final String PATTERN = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{12}$";
    private static final Pattern FORM = Pattern.compile(PATTERN);
    private static final Set<String> FIELDS = Set.of("l", "p", "k");
    /** ASCII only: text that is not, even a lone surrogate stored by SQL, travels as a \\u escape and comes back exact. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public Cursor {
        // Keys may be null (a missing value), which List.copyOf refuses.
        keys = Collections.unmodifiableList(new ArrayList<>(keys));
    }

    /** The cursor as it travels in a URL: only unreserved characters. */
    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("l", list);
        node.put("p", position);
        ArrayNode values = node.putArray("k");
        keys.forEach(values::add);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cursor could not be written", e);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(json) + "." + base64.encodeToString(checksum(json));
    }

    /**
     * The cursor this text encodes.
     *
     * @throws IllegalArgumentException when it is not one that {@link #encode} made, or was changed since
     */
    public static Cursor decode(String text) {
        if (text.length() > MAX_LENGTH || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not a cursor");
        }
        int dot = text.indexOf('.');
        byte[] json = Base64.getUrlDecoder().decode(text.substring(0, dot));
        byte[] sum = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        if (!MessageDigest.isEqual(sum, checksum(json))) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (node == null || !node.isObject() || node.size() != FIELDS.size()) {
            throw new IllegalArgumentException("not a cursor object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw new IllegalArgumentException("unknown field");
            }
        }
        JsonNode list = node.get("l");
        JsonNode position = node.get("p");
        JsonNode keys = node.get("k");
        if (!list.isTextual() || !position.isIntegralNumber() || !position.canConvertToLong()
                || position.longValue() < 0 || position.longValue() > MAX_POSITION
                || !keys.isArray() || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("malformed cursor fields");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!key.isTextual() && !key.isNull()) {
                throw new IllegalArgumentException("malformed key");
            }
            values.add(key.isNull() ? null : key.textValue());
        }
        return new Cursor(list.textValue(), position.longValue(), values);
    }

    private static byte[] checksum(byte[] json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("digest-api cursor\n".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(json), 9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
