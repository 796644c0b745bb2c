package com.digestapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 JSON Merge Patch: the merge function against the RFC's own examples. */
class MergePatchTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Every test case of RFC 7396 Appendix A, in its order. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\":\"b\"}                | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
            "{\"a\":\"b\"}                | {\"b\":\"c\"}                    | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}                | {\"a\":null}                     | {}",
            "{\"a\":\"b\",\"b\":\"c\"}    | {\"a\":null}                     | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}              | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
            "{\"a\":\"c\"}                | {\"a\":[\"b\"]}                  | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}        | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}      | {\"a\":[1]}                      | {\"a\":[1]}",
            "[\"a\",\"b\"]                | [\"c\",\"d\"]                    | [\"c\",\"d\"]",
            "{\"a\":\"b\"}                | [\"c\"]                          | [\"c\"]",
            "{\"a\":\"foo\"}              | null                             | null",
            "{\"a\":\"foo\"}              | \"bar\"                          | \"bar\"",
            "{\"e\":null}                 | {\"a\":1}                        | {\"e\":null,\"a\":1}",
            "[1,2]                        | {\"a\":\"b\",\"c\":null}         | {\"a\":\"b\"}",
            "{}                           | {\"a\":{\"bb\":{\"ccc\":null}}}  | {\"a\":{\"bb\":{}}}",
    })
    void rfc7396AppendixA(String original, String patch, String result) {
        assertEquals(json(result), MergePatch.merge(json(original), json(patch)));
    }

    @Test
    void rfc7396Section3Example() {
        JsonNode target = json("""
                {"title": "Goodbye!",
                 "author": {"givenName": "John", "familyName": "Doe"},
                 "tags": ["example", "sample"],
                 "content": "This will be unchanged"}""");
        JsonNode patch = json("""
                {"title": "Hello!",
                 "phoneNumber": "+01-123-456-7890",
                 "author": {"familyName": null},
                 "tags": ["example"]}""");
        JsonNode expected = json("""
                {"title": "Hello!",
                 "author": {"givenName": "John"},
                 "tags": ["example"],
                 "content": "This will be unchanged",
                 "phoneNumber": "+01-123-456-7890"}""");
        assertEquals(expected, MergePatch.merge(target, patch));
    }

    @Test
    void theTargetIsNotChanged() {
        JsonNode target = json("{\"a\":{\"b\":\"c\",\"d\":1},\"e\":2}");
        JsonNode copy = target.deepCopy();
        MergePatch.merge(target, json("{\"a\":{\"b\":null,\"x\":true},\"e\":null}"));
        assertEquals(copy, target);
    }

    @Test
    void aMissingTargetIsAnEmptyObject() {
        assertEquals(json("{\"a\":{\"c\":1}}"), MergePatch.merge(null, json("{\"a\":{\"b\":null,\"c\":1}}")));
    }

    @Test
    void anEmptyPatchChangesNothing() {
        JsonNode target = json("{\"a\":\"b\",\"c\":[1,2]}");
        assertEquals(target, MergePatch.merge(target, json("{}")));
    }

    @Test
    void namesTellsWhichTopLevelFieldsThePatchSetsOrClears() {
        Patch<Object> patch = new MergePatch(MAPPER, null).of(json("{\"headline\":\"x\",\"summary\":null}"), Object.class);
        assertTrue(patch.names("headline"));
        assertTrue(patch.names("summary"));
        assertFalse(patch.names("body"));
        assertFalse(new MergePatch(MAPPER, null).of(null, Object.class).names("headline"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejectedWhenApplied() {
        MergePatch mergePatch = new MergePatch(MAPPER, null);
        for (JsonNode body : new JsonNode[] {null, json("[]"), json("\"x\""), json("null"), json("1")}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> mergePatch.of(body, Object.class).applyTo(new Object()), String.valueOf(body));
            assertEquals(ProblemType.VALIDATION, e.type);
            assertEquals(List.of(new FieldError("body", "must be a JSON object (a merge patch)")), e.errors);
        }
    }
}
