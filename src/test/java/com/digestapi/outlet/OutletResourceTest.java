package com.digestapi.outlet;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutletResourceTest {

    @Test
    void createsReadsReplacesPatchesAndDeletesAnOutlet() {
        String name = unique("Kazinform Ünïcode");
        var created = api().contentType(ContentType.JSON)
                .body(Map.of("name", name, "websiteUrl", "https://www.inform.kz", "country", "KZ", "language", "en-gb"))
                .post("/api/v1/outlets")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/outlets/"))
                .body("name", equalTo(name))
                .body("slug", equalTo(name.toLowerCase().replace("ü", "u").replace("ï", "i").replace(' ', '-')))
                .body("country", equalTo("KZ"))
                .body("language", equalTo("en-GB"))
                .body("articleCount", is(0))
                .body("createdAt", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        created.header("Location").endsWith("/api/v1/outlets/" + id);

        api().get("/api/v1/outlets/{id}", id).then().statusCode(200)
                .body("id", is((int) id)).body("websiteUrl", equalTo("https://www.inform.kz"));

        api().contentType(ContentType.JSON).body(Map.of("name", name + " Renamed"))
                .put("/api/v1/outlets/{id}", id)
                .then().statusCode(200)
                .body("name", equalTo(name + " Renamed"))
                .body("slug", equalTo(created.jsonPath().getString("slug")))
                .body("websiteUrl", nullValue())
                .body("country", nullValue());

        api().contentType("application/merge-patch+json").body(Map.of("country", "JP"))
                .patch("/api/v1/outlets/{id}", id)
                .then().statusCode(200)
                .body("country", equalTo("JP"))
                .body("name", equalTo(name + " Renamed"));

        api().delete("/api/v1/outlets/{id}", id).then().statusCode(204);
        api().get("/api/v1/outlets/{id}", id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("instance", endsWith("/api/v1/outlets/" + id));
    }

    @Test
    void refusesATakenNameOrSlugWith409() {
        String name = unique("Taken");
        long id = newOutlet(Map.of("name", name));
        String slug = api().get("/api/v1/outlets/{id}", id).jsonPath().getString("slug");

        api().contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase()))
                .post("/api/v1/outlets")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/conflict"))
                .body("detail", containsString("name"));
        api().contentType(ContentType.JSON).body(Map.of("name", unique("Other"), "slug", slug))
                .post("/api/v1/outlets")
                .then().statusCode(409)
                .body("detail", equalTo("slug '" + slug + "' is already taken by outlet " + id));
    }

    @Test
    void refusesToDeleteAnOutletThatArticlesUse() {
        long outlet = newOutlet();
        long issue = newIssue();
        newArticle(issue, outlet, unique("Headline"));

        api().delete("/api/v1/outlets/{id}", outlet)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still used by 1 article"));
        api().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("articleCount", is(1));
    }

    @Test
    void rejectsInvalidValuesWithOneErrorPerField() {
        raw().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "websiteUrl", "javascript:alert(1)", "country", "kz", "language", "english!",
                        "slug", "Not A Slug"))
                .post("/api/v1/outlets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("websiteUrl"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("language"))
                .body("errors.field", hasItem("slug"))
                .body("errors.size()", is(5));
    }
}
