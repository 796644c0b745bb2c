package com.digestapi.listing;

import static com.digestapi.support.Api.raw;
import static com.digestapi.support.ListSupport.queryOf;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.persistence.Slugs;
import com.digestapi.support.ListSupport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query parameter of every list gets ugly values: SQL injection, LIKE wildcards, backslashes, unicode, a
 * 10,000-character string, NUL, huge and negative numbers, out-of-range dates, blanks, repeats. The answer is always
 * either a correct 200 page or a 400 problem naming the parameter; never a 500, a stack trace, a class name or SQL.
 */
@QuarkusTest
class HostileListInputTest {

    static final List<String> PARAMETERS = List.of("q", "topic", "outlet", "issue", "from", "to", "updatedSince", "status",
            "country", "language", "sort", "page", "size", "cursor");

    /** The five lists and the parameters each knows; any other parameter is unknown to it and ignored. */
    enum Kind {
        ISSUES(Set.of("q", "from", "to", "updatedSince", "status", "sort", "page", "size", "cursor")),
        ARTICLES(Set.of("q", "topic", "outlet", "issue", "from", "to", "updatedSince", "sort", "page", "size", "cursor")),
        ISSUE_ARTICLES(Set.of("q", "topic", "outlet", "from", "to", "updatedSince", "sort", "page", "size", "cursor")),
        OUTLETS(Set.of("q", "country", "language", "updatedSince", "sort", "page", "size", "cursor")),
        TOPICS(Set.of("q", "updatedSince", "sort", "page", "size", "cursor"));

        final Set<String> parameters;

        Kind(Set<String> parameters) {
            this.parameters = parameters;
        }
    }

    static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("sql injection", "' OR 1=1 --");
        VALUES.put("sql injection 2", "1); DROP TABLE article; --");
        VALUES.put("sql injection 3", "\" OR \"\"=\"");
        VALUES.put("percent", "%");
        VALUES.put("underscore", "_");
        VALUES.put("backslash", "\\");
        VALUES.put("escaped wildcard", "\\%");
        VALUES.put("turkish", "Türkiye");
        VALUES.put("dotted capital I", "İSTANBUL");
        VALUES.put("emoji", "😀🚀");
        VALUES.put("right-to-left", "\u202Eשלום عربي");
        VALUES.put("10,000 characters", "a".repeat(10_000));
        VALUES.put("NUL", "\u0000");
        VALUES.put("NUL inside", "a\u0000b");
        VALUES.put("huge number", "99999999999999999999");
        VALUES.put("long max", String.valueOf(Long.MAX_VALUE));
        VALUES.put("negative", "-1");
        VALUES.put("zero", "0");
        VALUES.put("decimal", "1.5");
        VALUES.put("hex", "0x10");
        VALUES.put("empty", "");
        VALUES.put("blank", "   ");
        VALUES.put("braces", "{x}");
        VALUES.put("html", "<script>alert(1)</script>");
        VALUES.put("query smuggling", "a&page=5&size=1");
        VALUES.put("header injection", "a\r\nX-Injected: 1");
        VALUES.put("far future date", "+999999999-12-31");
        VALUES.put("far past date", "-999999999-01-01");
        VALUES.put("five-digit year", "+10000-01-01");
        VALUES.put("year zero", "0000-01-01");
        VALUES.put("far future instant", "+999999999-12-31T23:59:59Z");
        VALUES.put("five-digit instant", "+10000-01-01T00:00:00Z");
        VALUES.put("far past instant", "-999999999-01-01T00:00:00Z");
        VALUES.put("offset out of range", "2024-10-01T00:00:00+19:00");
        VALUES.put("date with spaces", " 2024-13-45 ");
    }

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    /** Words that would betray internals: exception and class names, SQL, stack frames. */
    private static final List<String> LEAKS = List.of("Exception", "exception", "org.hibernate", "java.", "jakarta.",
            "com.digestapi", "select ", "SELECT ", "\tat ", "Caused by", "SQLState", "JDBC", "H2 ",
            "PSQL", "syntax error", "NullPointer");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static long demoIssue;

    @BeforeEach
    void findTheDemoIssue() {
        if (demoIssue == 0) {
            demoIssue = ListSupport.demoIssue();
        }
    }

    /** Values for a parameter the list does not know: it must be ignored whatever it holds. */
    static final List<String> FOR_UNKNOWN = List.of("sql injection", "10,000 characters", "NUL", "header injection",
            "empty", "right-to-left");

    static Stream<Arguments> everyParameterOfEveryList() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String parameter : PARAMETERS) {
                cases.add(Arguments.of(kind, parameter));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> everyKnownParameterOfEveryList() {
        return everyParameterOfEveryList().filter(a -> ((Kind) a.get()[0]).parameters.contains((String) a.get()[1]));
    }

    private static String path(Kind kind) {
        return switch (kind) {
            case ISSUES -> "/api/v1/issues";
            case ARTICLES -> "/api/v1/articles";
            case ISSUE_ARTICLES -> "/api/v1/issues/" + demoIssue + "/articles";
            case OUTLETS -> "/api/v1/outlets";
            case TOPICS -> "/api/v1/topics";
        };
    }

    /** Whether the contract accepts the value for the parameter on this list (else: a 400 naming it). */
    static boolean accepted(Kind kind, String parameter, String value) {
        if (!kind.parameters.contains(parameter) || value.isBlank()) {
            return true;
        }
        return switch (parameter) {
            case "q" -> value.strip().length() <= ListParams.MAX_QUERY_LENGTH && value.indexOf('\0') < 0;
            case "topic", "outlet" -> value.strip().length() <= Slugs.MAX_LENGTH && SLUG.matcher(value.strip()).matches();
            case "issue" -> integerWithin(value, 1, Long.MAX_VALUE);
            // At size 2 (the size of these requests), numbered pages reach 0..4999; none of the values is a cursor.
            case "page" -> integerWithin(value, 0, PageRequest.lastReachable(2));
            case "size" -> integerWithin(value, 1, PageRequest.MAX_SIZE);
            // None of the values is a valid date, instant, status, country, language or sort field.
            default -> false;
        };
    }

    private static boolean integerWithin(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyParameterOfEveryList")
    void uglyValuesGiveA200PageOrA400ProblemNamingTheParameter(Kind kind, String parameter) {
        long unfiltered = raw().get(path(kind)).then().statusCode(200).extract().jsonPath().getLong("totalItems");
        // Small pages keep the run fast; the size parameter itself gets the ugly values like the others.
        Map<String, Object> small = parameter.equals("size") ? Map.of() : Map.of("size", 2);
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, String> value : VALUES.entrySet()) {
            if (!kind.parameters.contains(parameter) && !FOR_UNKNOWN.contains(value.getKey())) {
                continue;
            }
            Response response = raw().queryParam(parameter, value.getValue()).queryParams(small).get(path(kind));
            String what = kind + " " + parameter + "=" + value.getKey() + ": ";
            checks.add(() -> checkAnswer(kind, Map.of(parameter, value.getValue()),
                    accepted(kind, parameter, value.getValue()), unfiltered, response, what));
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKnownParameterOfEveryList")
    void repeatedParametersNeverBreakTheList(Kind kind, String parameter) {
        String good = switch (parameter) {
            case "q" -> "kazakhstan";
            case "topic" -> "economy";
            case "outlet" -> "trend";
            case "issue" -> String.valueOf(demoIssue);
            case "from", "to" -> "2024-10-01";
            case "updatedSince" -> "2024-10-01T00:00:00Z";
            case "status" -> "PUBLISHED";
            case "country" -> "KZ";
            case "language" -> "en";
            case "sort" -> "id";
            case "page" -> "0";
            default -> "5";
        };
        List<Executable> checks = new ArrayList<>();
        for (List<String> values : List.of(List.of(good, good), List.of(good, "' OR 1=1 --"), List.of("-1", good),
                List.of("", good), List.of(good, "", good, "99999999999999999999"))) {
            Response response = raw().queryParam(parameter, values.toArray()).get(path(kind));
            String what = kind + " " + parameter + "=" + values + ": ";
            checks.add(() -> {
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400, what + response.statusCode());
                assertNoLeak(response, what);
                if (response.statusCode() == 400) {
                    assertProblemNaming(kind, parameter, response, what);
                } else {
                    assertPage(kind, response, what);
                }
            });
        }
        assertAll(checks);
    }

    private void checkAnswer(Kind kind, Map<String, String> sent, boolean accepted, long unfiltered, Response response,
                             String what) {
        String parameter = sent.keySet().iterator().next();
        String value = sent.get(parameter);
        assertNoLeak(response, what);
        assertNull(response.header("X-Injected"), what + "header injected");
        if (!accepted) {
            assertEquals(400, response.statusCode(), what + response.asString());
            assertProblemNaming(kind, parameter, response, what);
            return;
        }
        assertEquals(200, response.statusCode(), what + response.asString());
        Map<String, Object> page = assertPage(kind, response, what);
        if (!kind.parameters.contains(parameter) || value.isBlank()) {
            assertEquals(unfiltered, number(page, "totalItems"), what + "an ignored parameter filtered");
        } else {
            String v = value.strip();
            for (Map<String, Object> item : items(page)) {
                boolean matches = switch (parameter) {
                    // Articles are searched by word (ArticleSearchTest pins how); every hit carries its highlights.
                    case "q" -> kind == Kind.ARTICLES || kind == Kind.ISSUE_ARTICLES ? item.get("highlights") != null
                            : searchedText(kind, item).contains(v.toLowerCase(Locale.ROOT));
                    case "outlet" -> ((Map<?, ?>) item.get("outlet")).get("slug").equals(v);
                    case "topic" -> ((List<?>) item.get("topics")).stream().anyMatch(t -> ((Map<?, ?>) t).get("slug").equals(v));
                    case "issue" -> String.valueOf(item.get("issueId")).equals(v);
                    default -> true;
                };
                assertTrue(matches, what + "item does not match: " + item);
            }
            if (parameter.equals("page") || parameter.equals("size")) {
                assertEquals(Long.parseLong(v), number(page, parameter), what);
            }
        }
        // The Link URLs keep the value exactly (page and cursor are the parameters they replace).
        for (Map.Entry<String, String> link : ListSupport.links(response).entrySet()) {
            if (link.getKey().equals("alternate")) {
                continue; // the feed of the same filter, checked by the feed tests
            }
            String url = link.getValue();
            assertTrue(url.startsWith(ListSupport.base() + path(kind) + "?"), what + url);
            if (!parameter.equals("page") && !parameter.equals("cursor")) {
                assertEquals(Map.entry(parameter, value), queryOf(url).get(0), what + url);
            }
        }
    }

    /** The lowercased text that q searches in an item of a list other than articles. */
    @SuppressWarnings("unchecked")
    private static String searchedText(Kind kind, Map<String, Object> item) {
        List<Object> parts = new ArrayList<>();
        switch (kind) {
            case ISSUES -> {
                parts.add(item.get("title"));
                parts.add(item.get("intro"));
            }
            default -> parts.add(item.get("name"));
        }
        return String.join("\n", parts.stream().map(p -> p == null ? "" : p.toString().toLowerCase(Locale.ROOT))
                .toList());
    }

    /** The JSON body as maps and lists (Jackson: much faster than a GPath per field, for 1,500 responses). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Response response, String what) {
        try {
            return JSON.readValue(response.asString(), Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + "not JSON: " + response.asString(), e);
        }
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static Map<String, Object> assertPage(Kind kind, Response response, String what) {
        assertTrue(response.contentType().startsWith("application/json"), what + response.contentType());
        Map<String, Object> page = json(response, what);
        assertEquals(Set.of("items", "page", "size", "totalItems", "totalPages", "totalExact", "nextCursor"), page.keySet(),
                what);
        long total = number(page, "totalItems");
        long size = number(page, "size");
        assertEquals(Boolean.TRUE, page.get("totalExact"), what + "the test data is far below the count bound");
        assertEquals(String.valueOf(total), response.header("X-Total-Count"), what);
        assertEquals((total + size - 1) / size, number(page, "totalPages"), what);
        assertTrue(items(page).size() <= size, what);
        Map<String, String> links = ListSupport.links(response);
        assertTrue(links.containsKey("first") && links.containsKey("last"), what + links);
        return page;
    }

    private static void assertProblemNaming(Kind kind, String parameter, Response response, String what) {
        assertTrue(response.contentType().startsWith("application/problem+json"), what + response.contentType());
        Map<String, Object> problem = json(response, what);
        assertTrue(((String) problem.get("type")).endsWith("/problems/validation"), what + response.asString());
        assertEquals("Invalid request", problem.get("title"), what);
        assertEquals(400L, number(problem, "status"), what);
        String detail = (String) problem.get("detail");
        assertFalse(detail.isBlank(), what);
        assertTrue(detail.length() < 500, what + "detail too long");
        assertEquals(path(kind), problem.get("instance"), what);
        assertEquals(List.of(parameter), ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field"))
                .toList(), what + response.asString());
    }

    private static void assertNoLeak(Response response, String what) {
        assertTrue(response.statusCode() < 500, what + "status " + response.statusCode());
        String body = response.asString();
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), what + "body contains '" + leak + "': " + body);
        }
    }
}
