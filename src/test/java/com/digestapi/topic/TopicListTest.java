package com.digestapi.topic;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search and sort of GET /topics on four topics created here (names share a unique token). */
@QuarkusTest
class TopicListTest {

    private static final String TOPICS = "/api/v1/topics";

    private static String token;
    private static long p1;
    private static long p2;
    private static long p3;
    private static long p4;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createDataSet() {
        if (token != null) {
            return;
        }
        String t = unique("top");
        p1 = ListSupport.topic(t + " alpha").getLong("id");
        p2 = ListSupport.topic(t + " beta").getLong("id");
        p3 = ListSupport.topic(t + " gamma 100% sure").getLong("id");
        p4 = ListSupport.topic(t + " delta a_b c\\d").getLong("id");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2187-06-01", "PUBLISHED", null).getLong("id");
        ListSupport.article(issue, outlet, t + " one", "2187-05-30", Map.of("topicIds", List.of(p1, p2)));
        ListSupport.article(issue, outlet, t + " two", "2187-05-30", Map.of("topicIds", List.of(p1)));
        token = t;
    }

    private static RequestSpecification mine() {
        return api().queryParam("q", token);
    }

    private static void assertIds(Response response, long... expected) {
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals(Arrays.stream(expected).boxed().toList(), response.jsonPath().getList("items.id", Long.class));
        assertEquals(expected.length, response.jsonPath().getLong("totalItems"));
        assertEquals(String.valueOf(expected.length), response.header("X-Total-Count"));
    }

    @Test
    void theDefaultOrderIsByName() {
        assertIds(mine().get(TOPICS), p1, p2, p4, p3);
    }

    @Test
    void qSearchesTheNameCaseInsensitively() {
        assertIds(api().queryParam("q", token.toUpperCase() + " ALPHA").get(TOPICS), p1);
        assertIds(api().queryParam("q", token + " Beta").get(TOPICS), p2);

        String u = unique("uni");
        long unicode = ListSupport.topic(u + " über ünïcode").getLong("id");
        assertIds(api().queryParam("q", u.toUpperCase() + " ÜBER ÜNÏCODE").get(TOPICS), unicode);
    }

    @Test
    void qDoesNotSearchTheDescription() {
        String t = unique("desc");
        long described = ListSupport.post(TOPICS, Map.of("name", t + " named", "description", t + " described"))
                .getLong("id");
        assertIds(api().queryParam("q", t + " named").get(TOPICS), described);
        assertIds(api().queryParam("q", t + " described").get(TOPICS));
    }

    @Test
    void qTakesPercentUnderscoreAndBackslashLiterally() {
        assertIds(api().queryParam("q", token + " gamma 100%").get(TOPICS), p3);
        assertIds(api().queryParam("q", token + " gamma 100_").get(TOPICS));
        assertIds(api().queryParam("q", token + " delta a_b").get(TOPICS), p4);
        assertIds(api().queryParam("q", token + " delta a%b").get(TOPICS));
        assertIds(api().queryParam("q", token + " delta a_b c\\d").get(TOPICS), p4);
        assertIds(api().queryParam("q", token + " delta a_b c\\\\d").get(TOPICS));
        assertIds(api().queryParam("q", token + "' OR '1'='1").get(TOPICS));
    }

    @Test
    void sortTakesSeveralFieldsAndDescendingPrefixes() {
        assertIds(mine().queryParam("sort", "-name").get(TOPICS), p3, p4, p2, p1);
        assertIds(mine().queryParam("sort", "slug").get(TOPICS), p1, p2, p4, p3);
        assertIds(mine().queryParam("sort", "-id").get(TOPICS), p4, p3, p2, p1);
        assertIds(mine().queryParam("sort", "createdAt,name").get(TOPICS), p1, p2, p3, p4);
        assertIds(mine().queryParam("sort", "-createdAt,-updatedAt").get(TOPICS), p4, p3, p2, p1);
    }

    @Test
    void anUnknownSortFieldIs400NamingIt() {
        raw().queryParam("sort", "name,description").get(TOPICS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", is(400))
                .body("instance", equalTo(TOPICS))
                .body("detail", equalTo("sort has unknown field 'description'; allowed: id, name, slug, createdAt,"
                        + " updatedAt (prefix - for descending)"))
                .body("errors.field", equalTo(List.of("sort")));
    }

    @Test
    void itemsCarryTheirArticleCount() {
        Response response = mine().queryParam("sort", "id").get(TOPICS);
        assertIds(response, p1, p2, p3, p4);
        assertEquals(List.of(2, 1, 0, 0), response.jsonPath().getList("items.articleCount"));
        assertEquals(Set.of("id", "slug", "name", "description", "articleCount", "createdAt", "updatedAt"),
                response.jsonPath().getMap("items[0]").keySet());
    }

    @Test
    void updatedSinceListsTopicsChangedAtOrAfterTheInstant() {
        String t = unique("tupd");
        long q1 = ListSupport.topic(t + " one").getLong("id");
        long q2 = ListSupport.topic(t + " two").getLong("id");
        Instant t1 = ListSupport.updatedAt(TOPICS + "/" + q1);
        Instant t2 = ListSupport.updatedAt(TOPICS + "/" + q2);

        assertIds(api().queryParam("q", t).queryParam("updatedSince", t1.toString()).get(TOPICS), q1, q2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.toString()).get(TOPICS), q2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(TOPICS));

        api().contentType("application/merge-patch+json").body(Map.of("description", "Now described."))
                .patch(TOPICS + "/{id}", q1).then().statusCode(200);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(TOPICS), q1);
    }
}
