package io.aftercare.intake.source;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient reading of source payloads: a missing or mistyped field is {@code null}, never an exception. */
final class Json {

    static final int MAX_ID = 200;

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Json() {
    }

    /** The body as a JSON object, or the parser's own exception. */
    static JsonNode object(byte[] body, Function<String, ? extends InvalidPayloadException> invalid) {
        if (body == null || body.length == 0) {
            throw invalid.apply("The body is empty.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid.apply("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid.apply("The body is not a JSON object.");
        }
        return root;
    }

    /** A text field (numbers are read as their text), trimmed; {@code null} when missing, blank or another type. */
    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || !(v.isString() || v.isNumber() || v.isBoolean())) {
            return null;
        }
        String s = v.asString().trim();
        return s.isEmpty() ? null : s;
    }

    static JsonNode obj(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isObject() ? v : null;
    }

    static Iterable<JsonNode> array(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return java.util.List.of();
        }
        JsonNode v = node.get(field);
        return v != null && v.isArray() ? v.values() : java.util.List.of();
    }

    /** An RFC 3339 instant; {@code null} when missing or unreadable, and for Go's zero time. */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            return t.getEpochSecond() <= 0 ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An id that fits the store, or the parser's exception. */
    static String id(String value, String what, Function<String, ? extends InvalidPayloadException> invalid) {
        if (value != null && value.length() > MAX_ID) {
            throw invalid.apply(what + " is longer than " + MAX_ID + " characters.");
        }
        return value;
    }
}
