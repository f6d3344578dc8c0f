package com.dealradar.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string of a request body, at any depth: a NUL character (which PostgreSQL cannot store in text) or a
 * lone UTF-16 surrogate (not a character at all; JSON's \\uD800 escapes can produce one) is a client error
 * naming the field, never stored. Text is kept in Unicode's composed form (NFC): "é" typed as "e" and a combining
 * accent (as some keyboards and macOS file names send it) is stored as the one character "é", so equal text is equal
 * bytes in every exact comparison, ETag and unique key. Registered by {@link StrictJson}.
 */
final class CleanText extends StdScalarDeserializer<String> {

    CleanText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = problemOf(value);
        if (problem != null) {
            throw new BadTextException(p, problem);
        }
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** What is wrong with {@code value}, or null. */
    static String problemOf(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c).toUpperCase() + "); send valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c).toUpperCase() + "); send valid Unicode text";
            }
        }
        return null;
    }

    /** A string that is not storable text; the path to the field is added as Jackson unwinds. */
    public static final class BadTextException extends JsonMappingException {

        BadTextException(JsonParser p, String message) {
            super(p, message);
        }
    }
}
