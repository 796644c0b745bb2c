package com.digestapi.issue;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The demo digest of demo-digest.md is in the database once, with its facts exactly as documented. */
@QuarkusTest
class DemoDigestTest {

    static final String SLUG = "foreign-media-digest-2024-10-05";

    record Entry(String headline, String outlet, String outletName, String publishedOn, String author,
                 List<String> topics, String fact) {
    }

    /** The table of demo-digest.md, in its order; the fact is one detail the summary must mention. */
    static final List<Entry> ENTRIES = List.of(
            new Entry("Kazakhstan becomes a more reliable partner of the European Union in Central Asia", "eu-reporter",
                    "EU Reporter", "2024-10-03", null, List.of("eu-relations", "transport-logistics"), "Trans-Caspian"),
            new Entry("Kazakhstan's transformation into an entrepreneurial hub", "modern-diplomacy", "Modern Diplomacy",
                    "2024-10-03", null, List.of("economy"), "New Kazakhstan"),
            new Entry("Kazakhstan must shake off testing-site past and vote 'yes' to nuclear energy", "nikkei-asia",
                    "Nikkei Asia", "2024-10-03", null, List.of("nuclear-energy", "energy"), "2060"),
            new Entry("How Middle Powers Can Shape the Future of Global Cooperation", "the-geopolitics", "The Geopolitics",
                    "2024-10-02", "Yerkin Tukumov", List.of("geopolitics"), "Astana Think Tank International Forum"),
            new Entry("WELOCK and ApartX ink key China-Kazakhstan digital trade agreement at Global Digital Trade Expo",
                    "business-wire", "Business Wire", "2024-10-03", null,
                    List.of("china-relations", "digital-economy", "tourism"), "Hangzhou"),
            new Entry("Kazakhstan pushing to effect EAEU integrated information system", "trend", "Trend", "2024-10-03",
                    null, List.of("eurasian-integration", "digital-economy"), "Bektenov"),
            new Entry("Kazakhstan-China rail crossing to open in 2027, expanding trade routes", "railway-supply",
                    "Railway Supply", "2024-09-30", null, List.of("transport-logistics", "china-relations"), "272 km"),
            new Entry("Türkiye and Central Asia are riding together again", "the-economist", "The Economist", "2024-09-26",
                    null, List.of("culture"), "World Nomad Games"));

    static final Map<String, String> COUNTRIES = new LinkedHashMap<>();

    static {
        COUNTRIES.put("eu-reporter", "BE");
        COUNTRIES.put("modern-diplomacy", null);
        COUNTRIES.put("nikkei-asia", "JP");
        COUNTRIES.put("the-geopolitics", null);
        COUNTRIES.put("business-wire", "US");
        COUNTRIES.put("trend", "AZ");
        COUNTRIES.put("railway-supply", null);
        COUNTRIES.put("the-economist", "GB");
    }

    static final Map<String, String> TOPICS = Map.ofEntries(
            Map.entry("eu-relations", "EU relations"), Map.entry("transport-logistics", "Transport & logistics"),
            Map.entry("economy", "Economy"), Map.entry("nuclear-energy", "Nuclear energy"), Map.entry("energy", "Energy"),
            Map.entry("geopolitics", "Geopolitics"), Map.entry("china-relations", "China relations"),
            Map.entry("digital-economy", "Digital economy"), Map.entry("tourism", "Tourism"),
            Map.entry("eurasian-integration", "Eurasian integration"), Map.entry("culture", "Culture"));

    @Inject
    DemoDigest demoDigest;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** The demo issue found by filtering, never by an assumed id; exactly one issue has its slug. */
    static JsonPath demoIssueInList() {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath list = api().queryParam("q", "foreign media digest").queryParam("from", "2024-10-05")
                    .queryParam("to", "2024-10-05").queryParam("size", 100).queryParam("page", page)
                    .get("/api/v1/issues")
                    .then().statusCode(200).extract().jsonPath();
            found.addAll(list.<Map<String, Object>>getList("items").stream()
                    .filter(item -> SLUG.equals(item.get("slug"))).toList());
            if (page + 1 >= list.getLong("totalPages")) {
                break;
            }
        }
        assertThat("issues with slug " + SLUG, found, hasSize(1));
        return JsonPath.from(toJson(found.get(0)));
    }

    static long demoIssueId() {
        return demoIssueInList().getLong("id");
    }

    @Test
    void theDemoIssueIsListedOncePublishedWithEightArticles() {
        JsonPath issue = demoIssueInList();
        assertThat(issue.getString("title"), equalTo("Foreign media digest"));
        assertThat(issue.getString("publishedOn"), equalTo("2024-10-05"));
        assertThat(issue.getString("status"), equalTo("PUBLISHED"));
        assertThat(issue.getInt("articleCount"), is(8));
        assertThat(issue.getString("intro"), containsString("Kazakhstan"));
        assertThat(issue.getString("intro"), containsString("nuclear power plant"));

        api().queryParam("status", "PUBLISHED").queryParam("q", "Astana Times").queryParam("size", 100)
                .get("/api/v1/issues")
                .then().statusCode(200)
                .body("items.findAll { it.slug == '" + SLUG + "' }.size()", is(1));
    }

    @Test
    void theDemoArticlesComeInTheDocumentedOrderWithTheirFacts() {
        long id = demoIssueId();
        Response response = api().get("/api/v1/issues/{id}", id);
        response.then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", is((int) id))
                .body("slug", equalTo(SLUG))
                .body("articleCount", is(8))
                .body("articles", hasSize(8));
        JsonPath detail = response.jsonPath();
        for (int i = 0; i < ENTRIES.size(); i++) {
            Entry expected = ENTRIES.get(i);
            String at = "articles[" + i + "].";
            assertThat(detail.getString(at + "headline"), equalTo(expected.headline()));
            assertThat(detail.getInt(at + "position"), is(i + 1));
            assertThat(detail.getLong(at + "issueId"), is(id));
            assertThat(detail.getString(at + "outlet.slug"), equalTo(expected.outlet()));
            assertThat(detail.getString(at + "outlet.name"), equalTo(expected.outletName()));
            assertThat(detail.getString(at + "publishedOn"), equalTo(expected.publishedOn()));
            assertThat(expected.headline(), detail.getString(at + "author"), equalTo(expected.author()));
            assertThat(detail.getString(at + "slug"), matchesSlug());
            // The contract embeds topics sorted by name.
            List<String> topicsByName = expected.topics().stream().sorted(Comparator.comparing(TOPICS::get)).toList();
            assertThat(detail.getList(at + "topics.slug", String.class), equalTo(topicsByName));
            assertThat(detail.getList(at + "topics.name", String.class),
                    equalTo(topicsByName.stream().map(TOPICS::get).toList()));
            String summary = detail.getString(at + "summary");
            assertThat(summary, containsString(expected.fact()));
            assertThat(summary.length() < 1000, is(true));
            for (Map<String, Object> quote : detail.<Map<String, Object>>getList(at + "quotes")) {
                assertThat(quote.get("attribution"), org.hamcrest.Matchers.notNullValue());
            }
        }
        assertThat(detail.getString("articles[0].quotes[0].text"), containsString("Kazakhstan"));

        api().get("/api/v1/issues/{id}/articles", id)
                .then().statusCode(200)
                .header("X-Total-Count", "8")
                .body("items.headline", equalTo(ENTRIES.stream().map(Entry::headline).toList()))
                .body("items.position", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8)));
    }

    @Test
    void theEightDemoOutletsHaveTheirCountriesAndPublishInEnglish() {
        JsonPath detail = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().jsonPath();
        List<Integer> outletIds = detail.getList("articles.outlet.id", Integer.class);
        assertThat(new LinkedHashSet<>(outletIds), hasSize(8));
        for (int i = 0; i < outletIds.size(); i++) {
            String slug = ENTRIES.get(i).outlet();
            JsonPath outlet = api().get("/api/v1/outlets/{id}", outletIds.get(i))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(outlet.getString("slug"), equalTo(slug));
            assertThat(outlet.getString("name"), equalTo(ENTRIES.get(i).outletName()));
            assertThat(slug, outlet.getString("country"), equalTo(COUNTRIES.get(slug)));
            assertThat(outlet.getString("language"), equalTo("en"));
            assertThat(outlet.getString("websiteUrl"), startsWith("https://"));
            assertArticleCount(outlet.getLong("articleCount"), "outlet", slug, id(detail), 1);
        }
        api().queryParam("country", "JP").queryParam("language", "en").queryParam("q", "Nikkei Asia")
                .get("/api/v1/outlets")
                .then().statusCode(200)
                .body("items.findAll { it.slug == 'nikkei-asia' }.size()", is(1));
    }

    @Test
    void theElevenDemoTopicsHaveTheirNamesAndArticleCounts() {
        JsonPath detail = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> idBySlug = new LinkedHashMap<>();
        List<Map<String, Object>> refs = detail.getList("articles.topics.flatten()");
        refs.forEach(ref -> idBySlug.put((String) ref.get("slug"), (Integer) ref.get("id")));
        assertThat(idBySlug.keySet(), equalTo(TOPICS.keySet().stream().collect(Collectors.toSet())));

        Map<String, Long> inDemo = ENTRIES.stream().flatMap(e -> e.topics().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(inDemo.get("transport-logistics"), is(2L));
        assertThat(inDemo.get("china-relations"), is(2L));
        assertThat(inDemo.get("digital-economy"), is(2L));
        for (Map.Entry<String, Integer> topic : idBySlug.entrySet()) {
            JsonPath view = api().get("/api/v1/topics/{id}", topic.getValue()).then().statusCode(200).extract().jsonPath();
            assertThat(view.getString("slug"), equalTo(topic.getKey()));
            assertThat(view.getString("name"), equalTo(TOPICS.get(topic.getKey())));
            assertThat(view.getString("description"), matchesNonBlank());
            assertArticleCount(view.getLong("articleCount"), "topic", topic.getKey(), id(detail), inDemo.get(topic.getKey()));
        }
    }

    @Test
    void theDemoExportIsTheShippedDocument() throws Exception {
        JsonNode shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/foreign-media-digest-2024-10-05.json")) {
            shipped = mapper.readTree(in);
        }
        JsonNode exported = mapper.readTree(api().get("/api/v1/issues/{id}/export", demoIssueId())
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString());

        for (String field : List.of("slug", "title", "publishedOn", "status", "intro")) {
            assertThat(field, exported.get(field), equalTo(shipped.get(field)));
        }
        assertThat(byKey(exported.get("outlets"), "slug"), equalTo(byKey(shipped.get("outlets"), "slug")));
        assertThat(byKey(exported.get("topics"), "slug"), equalTo(byKey(shipped.get("topics"), "slug")));
        assertThat(exported.get("articles").size(), is(8));
        for (int i = 0; i < 8; i++) {
            ObjectNode got = ((ObjectNode) exported.get("articles").get(i)).deepCopy();
            ObjectNode want = ((ObjectNode) shipped.get("articles").get(i)).deepCopy();
            assertThat(got.get("slug").asText(), matchesSlug());
            got.remove("slug");
            // Export writes topic names; the shipped document names them by slug.
            Set<String> exportedTopics = StreamSupport.stream(got.remove("topics").spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.toSet());
            Set<String> shippedTopics = StreamSupport.stream(want.remove("topics").spliterator(), false)
                    .map(t -> TOPICS.get(t.asText())).collect(Collectors.toSet());
            assertThat(exportedTopics, equalTo(shippedTopics));
            assertThat(got, equalTo(want));
        }
    }

    @Test
    void runningTheLoaderAgainLoadsNothing() {
        String before = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().asString();
        assertThat(seedRows(), is(1L));

        demoDigest.onStart(new StartupEvent());

        assertThat(seedRows(), is(1L));
        String after = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().asString();
        assertThat("the demo issue, its articles and their instants are untouched", after, equalTo(before));
    }

    @Test
    void aDatabaseThatHoldsIssuesButNoSeedRecordIsNotSeededAgain() {
        String before = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().asString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from seed_history where name = ?1")
                .setParameter(1, DemoDigest.SEED).executeUpdate());
        assertThat(seedRows(), is(0L));

        demoDigest.onStart(new StartupEvent());

        assertThat("the loader records the seed", seedRows(), is(1L));
        String after = api().get("/api/v1/issues/{id}", demoIssueId()).then().statusCode(200).extract().asString();
        assertThat(after, equalTo(before));
    }

    private long seedRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from seed_history where name = ?1")
                .setParameter(1, DemoDigest.SEED).getSingleResult()).longValue());
    }

    /**
     * The demo issue holds exactly {@code inDemo} articles with this outlet or topic; the resource's articleCount
     * counts those and any other test's, exactly as many as the article list filtered by it.
     */
    private static void assertArticleCount(long articleCount, String filter, String slug, long demoIssue, long inDemo) {
        // raw(): the request validator cannot read OpenAPI 3.1 array query parameters (topic, outlet) and rejects
        // them as invalid JSON; the responses are still validated.
        var inIssue = raw().queryParam(filter, slug).queryParam("issue", demoIssue).get("/api/v1/articles")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(inDemo));
        if (filter.equals("topic")) {
            inIssue.body("items.topics.slug", everyItem(hasItem(slug)));
        } else {
            inIssue.body("items.outlet.slug", everyItem(equalTo(slug)));
        }
        String total = raw().queryParam(filter, slug).queryParam("size", 1).get("/api/v1/articles")
                .then().statusCode(200).extract().header("X-Total-Count");
        assertThat(filter + " " + slug + " articleCount", articleCount, equalTo(Long.parseLong(total)));
        assertThat(articleCount, greaterThanOrEqualTo(inDemo));
    }

    private static long id(JsonPath detail) {
        return detail.getLong("id");
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        ((ArrayNode) array).forEach(node -> map.put(node.get(key).asText(), node));
        return map;
    }

    private static org.hamcrest.Matcher<String> matchesSlug() {
        return org.hamcrest.Matchers.matchesPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    private static org.hamcrest.Matcher<String> matchesNonBlank() {
        return org.hamcrest.Matchers.matchesPattern("(?s).*\\S.*");
    }

    private static String toJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
