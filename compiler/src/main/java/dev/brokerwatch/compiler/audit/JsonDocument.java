package dev.brokerwatch.compiler.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document whose strings know where each of their characters is written ({@link MappedText}): Jackson
 * gives each string token's start, and the characters from there are read again by JSON's escape rules.
 */
public final class JsonDocument {

    /** A JSON value; strings carry their mapped text, other scalars their Java value. */
    public sealed interface Value permits Obj, Arr, Str, Scalar {
    }

    public record Obj(Map<String, Value> members) implements Value {
        public Value get(String key) {
            return members.get(key);
        }
    }

    public record Arr(List<Value> items) implements Value {
    }

    public record Str(MappedText text) implements Value {
        public String value() {
            return text.text();
        }
    }

    public record Scalar(Object value) implements Value {
    }

    /** A document that is not JSON: the message and its offset in the text. */
    public static final class Malformed extends Exception {
        private final int offset;

        Malformed(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocument() {
    }

    /** Parses {@code text}; its strings are traced through {@code origin} to the file they came from. */
    public static Value parse(MappedText origin) throws Malformed {
        String text = origin.text();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Malformed("empty document", 0);
            }
            Value value = read(parser, text, origin);
            if (parser.nextToken() != null) {
                throw new Malformed("text after the end of the JSON document", (int) parser.currentTokenLocation().getCharOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            throw new Malformed(e.getOriginalMessage(), (int) Math.max(0, Math.min(at, text.length())));
        } catch (IOException e) {
            throw new Malformed(e.getMessage(), 0);
        }
    }

    private static Value read(JsonParser parser, String text, MappedText origin) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Value> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, read(parser, text, origin));
                }
                return new Obj(members);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, text, origin));
                }
                return new Arr(items);
            }
            case VALUE_STRING -> {
                int quote = (int) parser.currentTokenLocation().getCharOffset();
                return new Str(origin.compose(string(text, quote, parser.getText(), origin)));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(parser.getBooleanValue());
            }
            default -> {
                return new Scalar(null);
            }
        }
    }

    /** The string whose opening quote is at {@code quote}: each character's index in {@code text}. */
    static MappedText string(String text, int quote, String value, MappedText origin) {
        SourceFile inner = origin.asSource();
        int[] offsets = new int[value.length() + 1];
        int i = quote + 1;
        int n = 0;
        while (n < value.length() && i < text.length()) {
            offsets[n] = i;
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                i += text.charAt(i + 1) == 'u' ? 6 : 2;
            } else {
                i++;
            }
            n++;
        }
        offsets[value.length()] = Math.min(i, text.length());
        return new MappedText(value, inner, offsets);
    }
}
