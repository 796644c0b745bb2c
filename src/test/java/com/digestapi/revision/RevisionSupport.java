package com.digestapi.revision;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers of the revision tests: writes, the revisions of a resource, and what readers, feeds and sync see. */
final class RevisionSupport {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private RevisionSupport() {
    }

    static Map<String, Object> patch(String path, Map<String, Object> body) {
        return api().contentType(MERGE_PATCH).body(body).patch(path)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** What the editor's GET answers, as a map. */
    static Map<String, Object> read(String path) {
        return api().get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The ETag the editor's GET sends. */
    static String etag(String path) {
        String tag = api().get(path).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag, path);
        return tag;
    }

    /** The first page (size 100) of a resource's revisions, newest first. */
    static List<Map<String, Object>> revisions(String path) {
        return api().queryParam("size", 100).get(path + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    static Response restore(RequestSpecification request, String path, long number) {
        return request.post(path + "/revisions/{number}/restore", number);
    }

    static long number(Map<String, Object> revision) {
        return ((Number) revision.get("number")).longValue();
    }

    /** Makes the revisions of a resource look this many days older than they are. */
    static void age(EntityManager em, String type, long id, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, changed_at from revision where resource_type = :type"
                    + " and resource_id = :id").setParameter("type", type).setParameter("id", id).getResultList();
            for (Object[] row : rows) {
                Instant at = row[1] instanceof java.time.OffsetDateTime o ? o.toInstant()
                        : row[1] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) row[1];
                em.createNativeQuery("update revision set changed_at = :at where id = :id")
                        .setParameter("at", at.minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                        .setParameter("id", ((Number) row[0]).longValue()).executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- what partners see

    /** A sync token of articles and issues caught up with everything so far. */
    static String caughtUp() {
        String token = null;
        while (true) {
            RequestSpecification request = anonymous().queryParam("types", "article,issue").queryParam("size", 500);
            if (token != null) {
                request.queryParam("token", token);
            }
            JsonPath page = request.get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
            if (page.getString("nextSyncToken") != null) {
                return page.getString("nextSyncToken");
            }
            token = page.getString("nextPageToken");
        }
    }

    /** The items of the sync deltas since the token, in order. */
    static List<Map<String, Object>> since(String token) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = token;
        while (true) {
            JsonPath page = anonymous().queryParam("types", "article,issue").queryParam("size", 500)
                    .queryParam("token", next).get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            if (page.getString("nextSyncToken") != null) {
                return items;
            }
            next = page.getString("nextPageToken");
        }
    }

    /** The one item of a sync round about this resource. */
    static Map<String, Object> about(List<Map<String, Object>> items, String type, long id) {
        List<Map<String, Object>> found = items.stream()
                .filter(i -> type.equals(i.get("type")) && ((Number) i.get("id")).longValue() == id).toList();
        assertEquals(1, found.size(), () -> type + " " + id + " in " + items);
        return found.get(0);
    }

    /** The ids of the articles of the JSON Feed of a topic, newest first. */
    static List<Long> feedOfTopic(String topicSlug) {
        List<String> urls = anonymous().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.json")
                .then().statusCode(200).extract().jsonPath().getList("items.url");
        return urls.stream().map(url -> Long.parseLong(url.substring(url.lastIndexOf('/') + 1))).toList();
    }

    static String slugOf(String path) {
        return api().get(path).then().statusCode(200).extract().path("slug");
    }

    static RequestSpecification json() {
        return api().contentType(ContentType.JSON);
    }
}
