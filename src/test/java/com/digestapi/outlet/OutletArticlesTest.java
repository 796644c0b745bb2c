package com.digestapi.outlet;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How outlets and the articles that embed them affect each other. */
@QuarkusTest
class OutletArticlesTest {

    private static JsonPath read(String path, long id) {
        return api().get(path, id).then().statusCode(200).extract().jsonPath();
    }

    private static Instant updatedAt(JsonPath json) {
        return Instant.parse(json.getString("updatedAt"));
    }

    @Test
    void renamingAnOutletMovesTheUpdatedAtOfItsArticles() {
        long outlet = newOutlet();
        long other = newOutlet();
        long issue = newIssue();
        long article = newArticle(issue, outlet, unique("Embeds the outlet"));
        long elsewhere = newArticle(issue, other, unique("Other outlet"));
        JsonPath before = read("/api/v1/articles/{id}", article);
        JsonPath elsewhereBefore = read("/api/v1/articles/{id}", elsewhere);

        String name = unique("Renamed outlet");
        JsonPath renamed = api().contentType("application/merge-patch+json").body(Map.of("name", name))
                .patch("/api/v1/outlets/{id}", outlet)
                .then().statusCode(200).body("name", equalTo(name)).body("articleCount", is(1))
                .extract().jsonPath();

        JsonPath after = read("/api/v1/articles/{id}", article);
        assertEquals(name, after.getString("outlet.name"));
        assertEquals(renamed.getString("slug"), after.getString("outlet.slug"));
        assertTrue(updatedAt(after).isAfter(updatedAt(before)));
        assertEquals(before.getString("createdAt"), after.getString("createdAt"));
        assertEquals(elsewhereBefore.getMap(""), read("/api/v1/articles/{id}", elsewhere).getMap(""));

        String slug = "renamed-" + unique("o").replace("-", "");
        api().contentType(ContentType.JSON).body(Map.of("name", name, "slug", slug))
                .put("/api/v1/outlets/{id}", outlet)
                .then().statusCode(200).body("slug", equalTo(slug));
        JsonPath afterSlug = read("/api/v1/articles/{id}", article);
        assertEquals(slug, afterSlug.getString("outlet.slug"));
        assertTrue(updatedAt(afterSlug).isAfter(updatedAt(after)));
    }

    @Test
    void articleCountFollowsTheArticles() {
        long outlet = newOutlet();
        long issue = newIssue();
        JsonPath created = read("/api/v1/outlets/{id}", outlet);
        assertEquals(0, created.getInt("articleCount"));
        assertEquals(created.getString("createdAt"), created.getString("updatedAt"));
        long second = newIssue();
        long a = newArticle(issue, outlet, unique("Counted"));
        newArticle(second, outlet, unique("Counted elsewhere"));
        assertEquals(2, read("/api/v1/outlets/{id}", outlet).getInt("articleCount"));
        api().delete("/api/v1/articles/{id}", a).then().statusCode(204);
        assertEquals(1, read("/api/v1/outlets/{id}", outlet).getInt("articleCount"));
        api().delete("/api/v1/issues/{id}", second).then().statusCode(204);
        assertEquals(0, read("/api/v1/outlets/{id}", outlet).getInt("articleCount"));
        api().delete("/api/v1/outlets/{id}", outlet).then().statusCode(204);
    }
}
