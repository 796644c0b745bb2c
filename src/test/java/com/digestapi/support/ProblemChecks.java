package com.digestapi.support;

import static com.digestapi.support.Api.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Assertions every error response must pass: an RFC 9457 problem, with a dereferenceable type, that leaks nothing. */
public final class ProblemChecks {

    /** Text that must never reach a client: stack traces, class names, SQL. */
    private static final List<String> LEAKS = List.of("java.", "Exception", "com.fasterxml", "org.hibernate",
            "com.digestapi", "io.quarkus", "io.vertx", "jakarta.", "\tat ", "Caused by", "SQL", "select ", "insert into",
            "constraint", "PUBLIC.");

    private static final Set<String> DESCRIBED_TYPES = ConcurrentHashMap.newKeySet();

    private ProblemChecks() {
    }

    /**
     * Asserts that the response is a problem of this status and kind (the last segment of its type URL) for the
     * request path {@code instance}, and returns its body for further checks.
     */
    public static JsonPath problem(Response response, int status, String kind, String instance) {
        return problem(response.statusCode(), response.contentType(), response.asString(), status, kind, instance);
    }

    /** The same checks for a response read by another client than REST Assured. */
    public static JsonPath problem(int actualStatus, String contentType, String body, int status, String kind,
                                   String instance) {
        assertThat("status of " + instance + ": " + body, actualStatus, is(status));
        assertThat(contentType, startsWith("application/problem+json"));
        noLeaks(body);
        JsonPath json = new JsonPath(body);
        String type = json.getString("type");
        assertThat(type, matchesPattern("^https?://[^/\\s]+/problems/" + Pattern.quote(kind) + "$"));
        assertThat(json.getString("title"), not(equalTo("")));
        assertThat(json.getString("title"), matchesPattern(".*\\S.*"));
        assertThat(json.getInt("status"), is(status));
        assertThat(json.getString("detail"), matchesPattern("(?s).*\\S.*"));
        assertThat(json.getString("instance"), equalTo(instance));
        describesItsType(type, json.getString("title"), status);
        return json;
    }

    /** The type URL of a problem answers 200 text/plain naming the problem's title and status. */
    public static void describesItsType(String typeUrl, String title, int status) {
        if (!DESCRIBED_TYPES.add(typeUrl)) {
            return;
        }
        String text = api().get(typeUrl)
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .extract().asString();
        assertThat(text, containsString(title));
        assertThat(text, containsString(String.valueOf(status)));
        noLeaks(text);
    }

    /** Fails when the text carries a stack trace, a Java class or package name, or SQL. */
    public static void noLeaks(String text) {
        for (String leak : LEAKS) {
            assertThat("response leaks '" + leak + "': " + text, text.contains(leak), is(false));
        }
    }
}
