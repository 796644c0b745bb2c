package com.digestapi.issue;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /issues/import and GET /issues/{id}/export: portable documents, idempotent by issue slug. */
@QuarkusTest
class ImportExportTest {

    private static final String IMPORT = "/api/v1/issues/import";

    /** A lowercase letters-and-digits token no other test uses, for names that slugify predictably. */
    private static String token() {
        return unique("t").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> document(String slug, String title, List<Map<String, Object>> articles) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (slug != null) {
            document.put("slug", slug);
        }
        document.put("title", title);
        document.put("publishedOn", "2024-12-07");
        document.put("articles", articles);
        return document;
    }

    private static Map<String, Object> entry(String slug, String headline, String outlet, String... topics) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (slug != null) {
            entry.put("slug", slug);
        }
        entry.put("headline", headline);
        entry.put("outlet", outlet);
        entry.put("publishedOn", "2024-12-02");
        entry.put("summary", "What " + headline + " says.");
        entry.put("topics", List.of(topics));
        return entry;
    }

    private static Response importing(Object document) {
        return api().contentType(ContentType.JSON).body(document).post(IMPORT);
    }

    /** Issues listed under this exact slug (the title must be unique to the test). */
    private static List<Map<String, Object>> issuesWithSlug(String title, String slug) {
        return api().queryParam("q", title).queryParam("size", 100).get("/api/v1/issues")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(issue -> slug.equals(issue.get("slug"))).toList();
    }

    private static long total(String path, String param, String value) {
        return Long.parseLong(api().queryParam(param, value).get(path)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    @Test
    void importCreatesTheIssueWithItsArticlesOutletsAndTopics() {
        String t = token();
        String slug = "digest-" + t;
        String title = "Digest " + t;
        Map<String, Object> first = entry("first-" + t, "First " + t, "Wire " + t, "energy-" + t, "Policy " + t);
        first.putAll(Map.of("author", "Aigerim Sadykova", "originalUrl", "https://wire.example/" + t,
                "quotes", List.of(Map.of("text", "A quote " + t, "attribution", "Someone"))));
        Map<String, Object> document = document(slug, title, List.of(first,
                entry(null, "Second " + t, "WIRE " + t.toUpperCase(Locale.ROOT), "ENERGY " + t.toUpperCase(Locale.ROOT)),
                entry(null, "Third " + t, "wire-" + t, "policy-" + t)));
        document.put("status", "PUBLISHED");
        document.put("intro", "  Intro " + t + "  ");
        document.put("outlets", List.of(Map.of("slug", "wire-" + t, "name", "Wire " + t,
                "websiteUrl", "https://wire.example", "country", "KZ", "language", "ru")));
        document.put("topics", List.of(Map.of("name", "Energy " + t, "description", "About energy " + t)));

        Response response = importing(document);
        response.then().statusCode(201)
                .contentType(startsWith("application/json"))
                .header("Location", notNullValue())
                .body("slug", equalTo(slug))
                .body("title", equalTo(title))
                .body("publishedOn", equalTo("2024-12-07"))
                .body("status", equalTo("PUBLISHED"))
                .body("intro", equalTo("Intro " + t))
                .body("articleCount", is(3))
                .body("articles.position", equalTo(List.of(1, 2, 3)))
                .body("articles.headline", equalTo(List.of("First " + t, "Second " + t, "Third " + t)))
                .body("articles[0].slug", equalTo("first-" + t))
                .body("articles[1].slug", equalTo("second-" + t))
                .body("articles[0].author", equalTo("Aigerim Sadykova"))
                .body("articles[0].originalUrl", equalTo("https://wire.example/" + t))
                .body("articles[0].quotes[0].text", equalTo("A quote " + t))
                .body("articles[0].quotes[0].attribution", equalTo("Someone"))
                .body("articles[1].quotes", hasSize(0))
                .body("articles[0].publishedOn", equalTo("2024-12-02"))
                .body("articles.outlet.slug", everyItem(equalTo("wire-" + t)))
                .body("articles.outlet.name", everyItem(equalTo("Wire " + t)));
        JsonPath issue = response.jsonPath();
        long id = issue.getLong("id");
        assertThat(response.header("Location"), org.hamcrest.Matchers.matchesPattern("^https?://[^/]+/api/v1/issues/" + id + "$"));

        // "energy-t" and "ENERGY T" name one topic, "Policy t" and "policy-t" another.
        assertThat(issue.getList("articles.outlet.id"), everyItem(equalTo(issue.getInt("articles[0].outlet.id"))));
        assertThat(issue.getList("articles[0].topics.slug"), containsInAnyOrder("energy-" + t, "policy-" + t));
        assertThat(issue.getList("articles[1].topics.slug"), equalTo(List.of("energy-" + t)));
        assertThat(issue.getList("articles[2].topics.slug"), equalTo(List.of("policy-" + t)));
        assertThat(issue.getInt("articles[1].topics[0].id"), equalTo(issue.getInt("articles[0].topics.find { it.slug == 'energy-" + t + "' }.id")));

        api().get("/api/v1/outlets/{id}", issue.getLong("articles[0].outlet.id"))
                .then().statusCode(200)
                .body("name", equalTo("Wire " + t))
                .body("websiteUrl", equalTo("https://wire.example"))
                .body("country", equalTo("KZ"))
                .body("language", equalTo("ru"))
                .body("articleCount", is(3));
        api().queryParam("q", t).get("/api/v1/topics")
                .then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("items.name", containsInAnyOrder("Energy " + t, "Policy " + t))
                .body("items.find { it.slug == 'energy-" + t + "' }.description", equalTo("About energy " + t))
                .body("items.find { it.slug == 'energy-" + t + "' }.articleCount", is(2))
                .body("items.find { it.slug == 'policy-" + t + "' }.articleCount", is(2));
        assertThat(total("/api/v1/outlets", "q", t), is(1L));
        api().get("/api/v1/issues/{id}", id).then().statusCode(200).body("articleCount", is(3));
    }

    @Test
    void referencesBySlugAndByNameMatchCaseInsensitivelyWithoutDetails() {
        String t = token();
        // Slug form first, then the name in capitals: both are the same new outlet and the same new topic.
        JsonPath issue = importing(document(null, "Refs " + t, List.of(
                entry(null, "One " + t, "nikkei-asia-" + t, "nuclear-energy-" + t),
                entry(null, "Two " + t, "NIKKEI ASIA " + t.toUpperCase(Locale.ROOT), "NUCLEAR ENERGY " + t.toUpperCase(Locale.ROOT)),
                entry(null, "Three " + t, "Nikkei Asia " + t, "Nuclear Energy " + t))))
                .then().statusCode(201).extract().jsonPath();

        assertThat(issue.getList("articles.outlet.slug"), everyItem(equalTo("nikkei-asia-" + t)));
        assertThat(issue.getList("articles.topics.flatten().slug"), everyItem(equalTo("nuclear-energy-" + t)));
        assertThat(total("/api/v1/outlets", "q", t), is(1L));
        assertThat(total("/api/v1/topics", "q", t), is(1L));
    }

    @Test
    void importingTheSameSlugAgainReplacesTheContentAndKeepsMatchedArticles() {
        String t = token();
        String slug = "weekly-" + t;
        String title = "Weekly " + t;
        JsonPath first = importing(document(slug, title, List.of(
                entry("alpha-" + t, "Alpha " + t, "Desk " + t, "Topic " + t),
                entry("beta-" + t, "Beta " + t, "Desk " + t),
                entry(null, "Gamma " + t, "Desk " + t))))
                .then().statusCode(201).extract().jsonPath();
        long id = first.getLong("id");
        long alpha = first.getLong("articles[0].id");
        long beta = first.getLong("articles[1].id");
        long gamma = first.getLong("articles[2].id");

        Map<String, Object> changedAlpha = entry("alpha-" + t, "Alpha renamed " + t, "Other desk " + t);
        changedAlpha.put("summary", "A new summary " + t);
        Map<String, Object> second = document(slug, title, List.of(
                entry("delta-" + t, "Delta " + t, "Desk " + t, "Topic " + t),
                entry(null, "GAMMA " + t, "Desk " + t),
                changedAlpha));
        second.put("status", "PUBLISHED");
        second.put("intro", "Second intro " + t);
        Response again = importing(second);
        again.then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Location", nullValue())
                .body("id", is((int) id))
                .body("slug", equalTo(slug))
                .body("status", equalTo("PUBLISHED"))
                .body("intro", equalTo("Second intro " + t))
                .body("articleCount", is(3))
                .body("articles.slug", equalTo(List.of("delta-" + t, "gamma-" + t, "alpha-" + t)))
                .body("articles.headline", equalTo(List.of("Delta " + t, "GAMMA " + t, "Alpha renamed " + t)))
                .body("articles.position", equalTo(List.of(1, 2, 3)))
                .body("articles[2].summary", equalTo("A new summary " + t))
                .body("articles[2].outlet.name", equalTo("Other desk " + t))
                .body("articles[2].topics", hasSize(0))
                .body("articles[0].topics.slug", equalTo(List.of("topic-" + t)));
        JsonPath replaced = again.jsonPath();
        assertThat("matched by slug", replaced.getLong("articles[2].id"), is(alpha));
        assertThat("matched by headline", replaced.getLong("articles[1].id"), is(gamma));
        assertThat(List.of(alpha, beta, gamma), not(hasItem(replaced.getLong("articles[0].id"))));

        raw().get("/api/v1/articles/{id}", beta).then().statusCode(404);
        assertThat(issuesWithSlug(title, slug), hasSize(1));
        api().get("/api/v1/issues/{id}", id).then().statusCode(200)
                .body("articles.id", equalTo(List.of(replaced.getInt("articles[0].id"), (int) gamma, (int) alpha)));
        api().get("/api/v1/issues/{id}/articles", id).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("items.slug", equalTo(List.of("delta-" + t, "gamma-" + t, "alpha-" + t)));
    }

    @Test
    void aDocumentWithoutSlugIsIdentifiedByTitleAndDate() {
        String t = token();
        String title = "Untitled " + t;
        JsonPath first = importing(document(null, title, List.of(entry(null, "Only " + t, "Desk " + t))))
                .then().statusCode(201)
                .body("slug", equalTo("untitled-" + t + "-2024-12-07"))
                .body("status", equalTo("DRAFT"))
                .extract().jsonPath();
        importing(document(null, title, List.of(entry(null, "Only " + t, "Desk " + t), entry(null, "More " + t, "Desk " + t))))
                .then().statusCode(200)
                .body("id", is(first.getInt("id")))
                .body("articles.id[0]", is(first.getInt("articles[0].id")))
                .body("articleCount", is(2));
        assertThat(issuesWithSlug(title, "untitled-" + t + "-2024-12-07"), hasSize(1));
    }

    @Test
    void exportGivesTheImportShapeWithNamesAndDetails() {
        String t = token();
        Map<String, Object> document = document("export-" + t, "Export " + t, List.of(
                entry("one-" + t, "One " + t, "wire-" + t, "topic-a-" + t, "Topic B " + t),
                entry("two-" + t, "Two " + t, "Paper " + t)));
        document.put("status", "PUBLISHED");
        document.put("intro", "Intro " + t);
        document.put("outlets", List.of(Map.of("slug", "wire-" + t, "name", "Wire " + t, "country", "US", "language", "en")));
        document.put("topics", List.of(Map.of("slug", "topic-a-" + t, "name", "Topic A " + t, "description", "A")));
        long id = importing(document).then().statusCode(201).extract().jsonPath().getLong("id");

        api().get("/api/v1/issues/{id}/export", id)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("slug", equalTo("export-" + t))
                .body("title", equalTo("Export " + t))
                .body("publishedOn", equalTo("2024-12-07"))
                .body("status", equalTo("PUBLISHED"))
                .body("intro", equalTo("Intro " + t))
                .body("articles.slug", equalTo(List.of("one-" + t, "two-" + t)))
                .body("articles.headline", equalTo(List.of("One " + t, "Two " + t)))
                .body("articles.outlet", equalTo(List.of("Wire " + t, "Paper " + t)))
                .body("articles[0].topics", containsInAnyOrder("Topic A " + t, "Topic B " + t))
                .body("articles[0].publishedOn", equalTo("2024-12-02"))
                .body("articles[0].summary", equalTo("What One " + t + " says."))
                .body("articles[0].quotes", hasSize(0))
                .body("articles[0]", not(org.hamcrest.Matchers.hasKey("id")))
                .body("articles[0]", not(org.hamcrest.Matchers.hasKey("position")))
                .body("outlets.name", containsInAnyOrder("Wire " + t, "Paper " + t))
                .body("outlets.find { it.name == 'Wire " + t + "' }.slug", equalTo("wire-" + t))
                .body("outlets.find { it.name == 'Wire " + t + "' }.country", equalTo("US"))
                .body("outlets.find { it.name == 'Wire " + t + "' }.language", equalTo("en"))
                .body("topics.name", containsInAnyOrder("Topic A " + t, "Topic B " + t))
                .body("topics.find { it.name == 'Topic A " + t + "' }.slug", equalTo("topic-a-" + t))
                .body("topics.find { it.name == 'Topic A " + t + "' }.description", equalTo("A"));
    }

    @Test
    void reimportingAnExportChangesNoContent() {
        String t = token();
        Map<String, Object> second = entry(null, "Two " + t, "Paper " + t, "Topic " + t, "Other " + t);
        second.put("quotes", List.of(Map.of("text", "First " + t), Map.of("text", "Second " + t, "attribution", "B")));
        Map<String, Object> document = document(null, "Roundtrip " + t, List.of(
                entry(null, "One " + t, "Wire " + t, "Topic " + t), second));
        long id = importing(document).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> before = api().get("/api/v1/issues/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
        String export = api().get("/api/v1/issues/{id}/export", id).then().statusCode(200).extract().asString();

        api().contentType(ContentType.JSON).body(export).post(IMPORT)
                .then().statusCode(200)
                .body("id", is((int) id));

        Map<String, Object> after = api().get("/api/v1/issues/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> ownBefore = new HashMap<>(before);
        Map<String, Object> ownAfter = new HashMap<>(after);
        ownBefore.remove("updatedAt");
        ownAfter.remove("updatedAt");
        assertThat("articles, their ids, positions, outlets, topics, quotes and instants", ownAfter, equalTo(ownBefore));
        assertThat(api().get("/api/v1/issues/{id}/export", id).then().statusCode(200).extract().asString(), equalTo(export));
        assertThat(total("/api/v1/outlets", "q", t), is(2L));
        assertThat(total("/api/v1/topics", "q", t), is(2L));
    }

    @Test
    void invalidDocumentsNameTheFieldPath() {
        String t = token();
        Map<String, Object> bad = entry(null, " ", "Desk " + t);
        bad.put("originalUrl", "ftp://files.example/x");
        bad.put("quotes", List.of(Map.of("text", "")));
        Map<String, Object> document = document(null, "Invalid " + t, List.of(entry(null, "Fine " + t, "Desk " + t), bad));

        JsonPath body = problem(raw().contentType(ContentType.JSON).body(document).post(IMPORT), 400, "validation", IMPORT);
        assertThat(body.getList("errors.field"), containsInAnyOrder("articles[1].headline", "articles[1].originalUrl",
                "articles[1].quotes[0].text"));
        assertThat(body.getString("detail"), org.hamcrest.Matchers.containsString("articles[1].headline"));
        assertThat(issuesWithSlug("Invalid " + t, "invalid-" + t + "-2024-12-07"), hasSize(0));
        assertThat(total("/api/v1/outlets", "q", t), is(0L));

        String wrongType = "{\"title\": \"Typed " + t + "\", \"publishedOn\": \"2024-12-07\", \"articles\": ["
                + "{\"headline\": \"Fine\", \"outlet\": \"Desk\", \"publishedOn\": \"2024-12-02\", \"summary\": \"S\"},"
                + "{\"headline\": 42, \"outlet\": \"Desk\", \"publishedOn\": \"2024-12-02\", \"summary\": \"S\"}]}";
        JsonPath typed = problem(raw().contentType(ContentType.JSON).body(wrongType).post(IMPORT), 400, "malformed-json", IMPORT);
        assertThat(typed.getList("errors.field"), equalTo(List.of("articles[1].headline")));

        String unknown = "{\"title\": \"Unknown " + t + "\", \"publishedOn\": \"2024-12-07\", \"articles\": ["
                + "{\"headline\": \"Fine\", \"outlet\": \"Desk\", \"publishedOn\": \"2024-12-02\", \"summary\": \"S\", \"id\": 3}]}";
        JsonPath unknownBody = problem(raw().contentType(ContentType.JSON).body(unknown).post(IMPORT), 400, "validation", IMPORT);
        assertThat(unknownBody.getList("errors.field"), equalTo(List.of("articles[0].id")));

        JsonPath missing = problem(raw().contentType(ContentType.JSON).body(Map.of("title", "No articles " + t))
                .post(IMPORT), 400, "validation", IMPORT);
        assertThat(missing.getList("errors.field"), containsInAnyOrder("articles", "publishedOn"));
    }

    @Test
    void duplicateArticleSlugsInOneDocumentAre400AndChangeNothing() {
        String t = token();
        Map<String, Object> document = document("dups-" + t, "Dups " + t, List.of(
                entry("same-" + t, "One " + t, "Desk " + t),
                entry("other-" + t, "Two " + t, "Desk " + t),
                entry("same-" + t, "Three " + t, "Desk " + t)));

        JsonPath body = problem(raw().contentType(ContentType.JSON).body(document).post(IMPORT), 400, "validation", IMPORT);
        assertThat(body.getList("errors.field"), equalTo(List.of("articles[2].slug")));
        assertThat(issuesWithSlug("Dups " + t, "dups-" + t), hasSize(0));
        assertThat(total("/api/v1/outlets", "q", t), is(0L));
    }

    @Test
    void aConflictingImportIsRolledBackEntirely() {
        String t = token();
        long otherIssue = newIssue();
        long otherArticle = newArticle(otherIssue, newOutlet(), "Taken " + t, Map.of("slug", "taken-" + t));
        Map<String, Object> document = document("conflict-" + t, "Conflict " + t, List.of(
                entry(null, "Fresh " + t, "Brand new desk " + t, "Brand new topic " + t),
                entry("taken-" + t, "Thief " + t, "Desk " + t)));

        JsonPath body = problem(raw().contentType(ContentType.JSON).body(document).post(IMPORT), 409, "conflict", IMPORT);
        assertThat(body.getString("detail"), org.hamcrest.Matchers.containsString("taken-" + t));
        assertThat(issuesWithSlug("Conflict " + t, "conflict-" + t), hasSize(0));
        assertThat("outlets created before the conflict are rolled back", total("/api/v1/outlets", "q", t), is(0L));
        assertThat(total("/api/v1/topics", "q", t), is(0L));
        api().get("/api/v1/articles/{id}", otherArticle).then().statusCode(200)
                .body("issueId", is((int) otherIssue))
                .body("headline", equalTo("Taken " + t));

        // An existing issue keeps its content when a re-import of it fails.
        long id = importing(document("conflict-" + t, "Conflict " + t, List.of(entry(null, "Kept " + t, "Desk " + t))))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String before = api().get("/api/v1/issues/{id}", id).then().statusCode(200).extract().asString();
        problem(raw().contentType(ContentType.JSON).body(document).post(IMPORT), 409, "conflict", IMPORT);
        assertThat(api().get("/api/v1/issues/{id}", id).then().statusCode(200).extract().asString(), equalTo(before));
    }

    /** A document with n articles, each naming `topics` of 20 shared topics and carrying `quotes` quotes. */
    private static Map<String, Object> sized(String t, int articles, int topics, int quotes) {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < articles; i++) {
            Map<String, Object> entry = entry(null, "A" + i + " " + t, "Desk " + (i % 3) + " " + t,
                    java.util.stream.IntStream.range(0, topics).mapToObj(k -> "Topic " + k + " " + t)
                            .toArray(String[]::new));
            entry.put("quotes", java.util.Collections.nCopies(quotes, Map.of("text", "Said")));
            entries.add(entry);
        }
        return document("sized-" + t, "Sized " + t, entries);
    }

    private static List<Map<String, Object>> named(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).<Map<String, Object>>mapToObj(i -> Map.of("name", prefix + i))
                .toList();
    }

    @Test
    void aDocumentAtTheBoundsIsImported() {
        String t = token();
        Map<String, Object> document = sized(t, 100, 20, 20);
        document.put("outlets", named("Unused desk " + t + " ", 500));
        document.put("topics", named("Unused topic " + t + " ", 500));
        importing(document).then().statusCode(201)
                .body("articles", hasSize(100))
                .body("articles[99].topics", hasSize(20))
                .body("articles[99].quotes", hasSize(20));
    }

    @Test
    void aDocumentOverABoundIs400NamingItAndChangesNothing() {
        String t = token();
        Map<String, Object> articles = sized(t, 501, 0, 0);
        Map<String, Object> outlets = sized(t, 1, 0, 0);
        outlets.put("outlets", named("Desk " + t + " ", 501));
        Map<String, Object> topics = sized(t, 1, 0, 0);
        topics.put("topics", named("Topic " + t + " ", 501));
        Map<String, Object> references = sized(t, 101, 20, 0);
        Map<String, Object> quotes = sized(t, 101, 0, 20);
        Map<String, Object> both = sized(t, 101, 20, 20);
        record Over(Map<String, Object> document, List<String> fields, String message) {
        }
        for (Over over : List.of(new Over(articles, List.of("articles"), "500"),
                new Over(outlets, List.of("outlets"), "500"),
                new Over(topics, List.of("topics"), "500"),
                new Over(references, List.of("articles"), "at most 2000 topics in all (this document names 2020)"),
                new Over(quotes, List.of("articles"), "at most 2000 quotes in all (this document carries 2020)"),
                new Over(both, List.of("articles", "articles"), "2020"))) {
            JsonPath body = problem(raw().contentType(ContentType.JSON).body(over.document()).post(IMPORT), 400,
                    "validation", IMPORT);
            assertThat(body.getList("errors.field"), equalTo(over.fields()));
            assertThat(body.getString("errors[0].message"), org.hamcrest.Matchers.containsString(over.message()));
        }
        assertThat(issuesWithSlug("Sized " + t, "sized-" + t), hasSize(0));
        assertThat(total("/api/v1/outlets", "q", t), is(0L));
        assertThat(total("/api/v1/topics", "q", t), is(0L));
    }

    @Test
    void exportingAnUnknownIssueIs404() {
        problem(raw().get("/api/v1/issues/{id}/export", Long.MAX_VALUE), 404, "not-found",
                "/api/v1/issues/" + Long.MAX_VALUE + "/export");
        problem(raw().get("/api/v1/issues/{id}/export", "abc"), 404, "not-found", "/api/v1/issues/abc/export");
        problem(raw().get("/api/v1/issues/{id}/export", "-4"), 404, "not-found", "/api/v1/issues/-4/export");
    }
}
