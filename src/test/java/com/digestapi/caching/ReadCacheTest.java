package com.digestapi.caching;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.article.ArticleCommands;
import com.digestapi.article.ArticleRevisions;
import com.digestapi.issue.IssueDocuments;
import com.digestapi.issue.IssueRevisions;
import com.digestapi.issue.IssueService;
import com.digestapi.outlet.OutletService;
import com.digestapi.support.SentSql;
import com.digestapi.topic.TopicService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Anonymous reads are answered from memory until a content write changes what they show: with the same bytes and
 * headers, 304s included, without a statement; every write is read at once, and what it did not change stays cached;
 * editors always read through the database.
 */
@QuarkusTest
public class ReadCacheTest {

    @Inject
    EntityManager em;

    @Inject
    ContentVersion contentVersion;

    /**
     * Makes a content write readers see (a new topic), which drops every cached list, feed and search (not the cached
     * topics, outlets, articles and issues it did not change), and waits until the instance has confirmed the new
     * version.
     */
    public static void dropCachedReads(ContentVersion contentVersion) {
        newTopic();
        awaitAnyConfirmed(contentVersion);
    }

    /** Waits until the instance has confirmed a version after a local write (it reads through the database until). */
    static void awaitAnyConfirmed(ContentVersion contentVersion) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (contentVersion.current().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the content version is confirmed within 10 s");
            Thread.onSpinWait();
        }
    }

    private long statements(Supplier<Response> request, Response[] into) {
        return SentSql.count(() -> into[0] = request.get());
    }

    @Test
    void aRepeatedAnonymousReadComesFromMemoryWithTheSameBytesAndHeaders() {
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        Response[] first = new Response[1];
        Response[] second = new Response[1];
        assertNotEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), first));
        assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), second));
        second[0].then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", first[0].header("ETag"))
                .header("Cache-Control", "public, max-age=30")
                .header("Vary", containsString("Authorization"))
                .body("id", equalTo((int) outlet));
        assertEquals(first[0].asString(), second[0].asString());
    }

    @Test
    void aCachedReadStillHonoursAccept() {
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        rawAnonymous().accept("application/xml").get("/api/v1/outlets/{id}", outlet).then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void aListKeepsItsPagingHeadersWhenItComesFromMemory() {
        String name = unique("Cached outlet");
        newOutlet(Map.of("name", name + " a"));
        newOutlet(Map.of("name", name + " b"));
        dropCachedReads(contentVersion);
        Supplier<Response> page = () -> anonymous().queryParam("q", name).queryParam("size", 1).get("/api/v1/outlets");
        Response[] first = new Response[1];
        Response[] second = new Response[1];
        assertEquals(2, statements(page, first));
        assertEquals(0, statements(page, second));
        second[0].then().statusCode(200)
                .header("X-Total-Count", "2")
                .header("Link", first[0].header("Link"))
                .header("Link", containsString("rel=\"next\""))
                .body("items[0].name", equalTo(name + " a"));
        assertEquals(first[0].asString(), second[0].asString());
    }

    @Test
    void conditionalReadsOfCachedRepresentationsAre304WithoutTheDatabase() {
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        String etag = anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).extract().header("ETag");
        Response[] conditional = new Response[1];
        assertEquals(0, statements(() -> anonymous().header("If-None-Match", etag).get("/api/v1/outlets/{id}", outlet),
                conditional));
        conditional[0].then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=30")
                .body(emptyString());
        anonymous().header("If-None-Match", "\"other\"").get("/api/v1/outlets/{id}", outlet)
                .then().statusCode(200).header("ETag", etag).body("id", equalTo((int) outlet));

        Response feed = anonymous().get("/api/v1/feeds/articles.atom");
        feed.then().statusCode(200);
        Response[] feedAgain = new Response[1];
        assertEquals(0, statements(() -> anonymous().header("If-Modified-Since", feed.header("Last-Modified"))
                .get("/api/v1/feeds/articles.atom"), feedAgain));
        feedAgain[0].then().statusCode(304).header("ETag", feed.header("ETag"))
                .header("Last-Modified", feed.header("Last-Modified")).body(emptyString());
        assertEquals(0, statements(() -> anonymous().get("/api/v1/feeds/articles.atom"), feedAgain));
        feedAgain[0].then().statusCode(200).contentType(containsString("application/atom+xml"))
                .header("ETag", feed.header("ETag")).header("Last-Modified", feed.header("Last-Modified"));
        assertEquals(feed.asString(), feedAgain[0].asString());
    }

    @Test
    void everyWriteIsReadAtOnce() {
        long outlet = newOutlet();
        String name = unique("Renamed outlet");
        dropCachedReads(contentVersion);
        String before = anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).extract().header("ETag");
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).header("ETag", before);

        api().contentType("application/merge-patch+json").body(Map.of("name", name))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        String after = anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200)
                .body("name", equalTo(name)).extract().header("ETag");
        assertNotEquals(before, after);
        anonymous().queryParam("q", name).get("/api/v1/outlets").then().statusCode(200)
                .header("X-Total-Count", "1").body("items[0].name", equalTo(name));

        api().delete("/api/v1/outlets/{id}", outlet).then().statusCode(204);
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(404);
        anonymous().queryParam("q", name).get("/api/v1/outlets").then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void aWriteKeepsTheCachedReadsOfWhatItDidNotChange() {
        String name = unique("Kept outlet");
        long kept = newOutlet(Map.of("name", name + " kept"));
        long renamed = newOutlet(Map.of("name", name + " renamed"));
        dropCachedReads(contentVersion);
        Supplier<Response> list = () -> anonymous().queryParam("q", name).get("/api/v1/outlets");
        Response[] read = new Response[1];
        for (Supplier<Response> request : List.<Supplier<Response>>of(
                () -> anonymous().get("/api/v1/outlets/{id}", kept),
                () -> anonymous().get("/api/v1/outlets/{id}", renamed), list)) {
            request.get().then().statusCode(200);
            assertEquals(0, statements(request, read));
        }
        String listTag = read[0].header("ETag");

        api().contentType("application/merge-patch+json").body(Map.of("name", name + " new name"))
                .patch("/api/v1/outlets/{id}", renamed).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);

        assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", kept), read));
        read[0].then().statusCode(200).body("name", equalTo(name + " kept"));
        assertNotEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", renamed), read));
        read[0].then().statusCode(200).body("name", equalTo(name + " new name"));
        assertNotEquals(0, statements(list, read));
        read[0].then().statusCode(200).header("X-Total-Count", "2")
                .body("items.name", containsInAnyOrder(name + " kept", name + " new name"));
        assertNotEquals(listTag, read[0].header("ETag"));
    }

    /** An article shows its outlet's and topics' names, and an issue its articles: a change to those drops them. */
    @Test
    void aCachedArticleOrIssueGoesWhenWhatItShowsChanges() {
        long issue = newIssue();
        long outlet = newOutlet();
        long otherOutlet = newOutlet();
        long topic = newTopic();
        String headline = unique("Cached article");
        long article = newArticle(issue, outlet, headline, Map.of("topicIds", List.of(topic)));
        long other = newArticle(newIssue(), otherOutlet, unique("Untouched article"));
        long sibling = newArticle(issue, otherOutlet, unique("Sibling article"));
        dropCachedReads(contentVersion);
        Response[] read = new Response[1];
        for (String path : List.of("/api/v1/articles/" + article, "/api/v1/articles/" + other,
                "/api/v1/articles/" + sibling, "/api/v1/issues/" + issue)) {
            anonymous().get(path).then().statusCode(200);
            assertEquals(0, statements(() -> anonymous().get(path), read));
        }

        String outletName = unique("Outlet renamed");
        api().contentType("application/merge-patch+json").body(Map.of("name", outletName))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);
        assertEquals(0, statements(() -> anonymous().get("/api/v1/articles/{id}", other), read));
        assertNotEquals(0, statements(() -> anonymous().get("/api/v1/articles/{id}", article), read));
        read[0].then().statusCode(200).body("outlet.name", equalTo(outletName));
        anonymous().get("/api/v1/issues/{id}", issue).then().statusCode(200)
                .body("articles[0].outlet.name", equalTo(outletName));

        String topicName = unique("Topic renamed");
        api().contentType("application/merge-patch+json").body(Map.of("name", topicName))
                .patch("/api/v1/topics/{id}", topic).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);
        anonymous().get("/api/v1/articles/{id}", article).then().statusCode(200).body("topics[0].name", equalTo(topicName));

        api().contentType("application/merge-patch+json").body(Map.of("headline", headline + " edited"))
                .patch("/api/v1/articles/{id}", article).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);
        anonymous().get("/api/v1/issues/{id}", issue).then().statusCode(200)
                .body("articles[0].headline", equalTo(headline + " edited"));
        assertEquals(0, statements(() -> anonymous().get("/api/v1/articles/{id}", other), read));
        read[0].then().statusCode(200).body("id", equalTo((int) other));
        // A sibling in the same issue is not changed by the edit (the issue's detail is).
        assertEquals(0, statements(() -> anonymous().get("/api/v1/articles/{id}", sibling), read));
        read[0].then().statusCode(200).body("id", equalTo((int) sibling));

        // Unpublishing the issue hides its articles: the change log names them, and their cached copies go.
        api().contentType("application/merge-patch+json").body(Map.of("status", "DRAFT"))
                .patch("/api/v1/issues/{id}", issue).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);
        anonymous().get("/api/v1/articles/{id}", sibling).then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/issues/{id}", issue).then().statusCode(404);
    }

    /** Editing a draft changes nothing readers see: even cached lists stay. */
    @Test
    void aWriteReadersCannotSeeKeepsEveryCachedRead() {
        long draft = newIssue("2186-05-06", "DRAFT");
        String name = unique("Listed outlet");
        newOutlet(Map.of("name", name));
        dropCachedReads(contentVersion);
        Supplier<Response> list = () -> anonymous().queryParam("q", name).get("/api/v1/outlets");
        list.get().then().statusCode(200).header("X-Total-Count", "1");

        api().contentType("application/merge-patch+json").body(Map.of("title", unique("Draft title")))
                .patch("/api/v1/issues/{id}", draft).then().statusCode(200);
        awaitAnyConfirmed(contentVersion);
        Response[] read = new Response[1];
        assertEquals(0, statements(list, read));
        read[0].then().statusCode(200).header("X-Total-Count", "1").body("items[0].name", equalTo(name));
    }

    /**
     * Another instance's write reaches this one through the database alone: the version, and the change log naming
     * what changed. This instance drops what shows it within the staleness bound, and keeps the rest.
     */
    @Test
    void anotherInstancesWriteDropsOnlyWhatItChanged() {
        String name = unique("Outlet of another instance");
        long kept = newOutlet();
        long changed = newOutlet();
        dropCachedReads(contentVersion);
        Response[] read = new Response[1];
        for (long outlet : new long[]{kept, changed}) {
            anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200);
            assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), read));
        }
        ContentVersion.Stamp before = contentVersion.current().orElseThrow();
        ContentVersion.Stamp written = new ContentVersion.Stamp(before.epoch() + 1, before.version() + 1);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update content_version set version = " + written.version() + ", epoch = "
                    + written.epoch() + " where id = 1 and version = " + before.version()).executeUpdate();
            em.createNativeQuery("update outlet set name = '" + name + "' where id = " + changed).executeUpdate();
            em.createNativeQuery("insert into content_change_set (version, epoch, changed_at) values ("
                    + written.version() + ", " + written.epoch() + ", current_timestamp)").executeUpdate();
            em.createNativeQuery("update content_change set version = " + written.version()
                    + " where resource_type = 'outlet' and resource_id = " + changed).executeUpdate();
        });
        awaitConfirmed(written);

        assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", kept), read));
        read[0].then().statusCode(200).body("id", equalTo((int) kept));
        anonymous().get("/api/v1/outlets/{id}", changed).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void publishingADraftShowsItToReadersAtOnce() {
        long issue = newIssue("2186-03-04", "DRAFT");
        String headline = unique("Draft headline");
        newArticle(issue, newOutlet(), headline);
        dropCachedReads(contentVersion);
        for (int i = 0; i < 2; i++) {
            anonymous().queryParam("q", headline).get("/api/v1/articles").then().statusCode(200)
                    .header("X-Total-Count", "0");
            anonymous().get("/api/v1/issues/{id}", issue).then().statusCode(404);
        }
        api().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", issue).then().statusCode(200);
        anonymous().queryParam("q", headline).get("/api/v1/articles").then().statusCode(200)
                .header("X-Total-Count", "1").body("items[0].headline", equalTo(headline));
        anonymous().get("/api/v1/issues/{id}", issue).then().statusCode(200).body("articles[0].headline", equalTo(headline));
    }

    @Test
    void aRefusedWriteKeepsTheCachedReads() {
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        String etag = anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).extract().header("ETag");
        api().contentType("application/merge-patch+json").header("If-Match", "\"stale\"").body(Map.of("country", "FR"))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(412);
        raw().contentType("application/merge-patch+json").body(Map.of("name", ""))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(400);
        Response[] again = new Response[1];
        assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), again));
        again[0].then().statusCode(200).header("ETag", etag);
    }

    @Test
    void editorsReadThroughTheDatabase() {
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        Response[] read = new Response[1];
        for (int i = 0; i < 2; i++) {
            assertNotEquals(0, statements(() -> api().get("/api/v1/outlets/{id}", outlet), read));
            read[0].then().statusCode(200).header("Cache-Control", "private, no-store");
        }
    }

    /**
     * A restore (or a failover to a replica that was behind) takes the content and the counter back; when the counter
     * climbs to the number it had before, what was cached at that number must not come back.
     */
    @Test
    void aVersionThatWentBackNeverBringsBackWhatWasCachedAtIt() {
        String before = unique("Outlet before the restore");
        String restored = unique("Outlet as restored");
        long outlet = newOutlet(Map.of("name", before));
        dropCachedReads(contentVersion);
        ContentVersion.Stamp cachedAt = contentVersion.current().orElseThrow();
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("name", equalTo(before));
        Response[] cached = new Response[1];
        assertEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), cached));
        cached[0].then().statusCode(200).body("name", equalTo(before));

        sql("update outlet set name = '" + restored + "' where id = " + outlet);
        sql("update content_version set version = version - 1 where id = 1");
        awaitConfirmed(new ContentVersion.Stamp(cachedAt.epoch(), cachedAt.version() - 1));
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("name", equalTo(restored));

        sql("update content_version set version = version + 1 where id = 1");
        awaitConfirmed(cachedAt);
        Response[] again = new Response[1];
        assertNotEquals(0, statements(() -> anonymous().get("/api/v1/outlets/{id}", outlet), again));
        again[0].then().statusCode(200).body("name", equalTo(restored));
    }

    /** What the README tells operators to run after changing content with SQL drops every cached read. */
    @Test
    void theDocumentedSqlBumpDropsCachedReads() {
        String renamed = unique("Outlet renamed by SQL");
        long outlet = newOutlet();
        dropCachedReads(contentVersion);
        ContentVersion.Stamp cachedAt = contentVersion.current().orElseThrow();
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        sql("update outlet set name = '" + renamed + "' where id = " + outlet);
        sql("update content_version set version = version + 1 where id = 1");
        awaitConfirmed(new ContentVersion.Stamp(cachedAt.epoch(), cachedAt.version() + 1));
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("name", equalTo(renamed));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private void awaitConfirmed(ContentVersion.Stamp stamp) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!contentVersion.current().map(stamp::equals).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "the instance confirms " + stamp + " within 10 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void theCacheReportsItsHitsAndMisses() {
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cache_gets_total{cache=\"digest.read-cache\",result=\"hit\"}"))
                .body(containsString("cache_gets_total{cache=\"digest.read-cache\",result=\"miss\"}"));
    }

    /** A write the content version does not see would leave readers on stale copies until the next write. */
    @Test
    void everyTransactionalContentServiceMethodMovesTheVersion() {
        Stream.of(ArticleCommands.class, ArticleRevisions.class, IssueService.class, IssueDocuments.class,
                        IssueRevisions.class, OutletService.class, TopicService.class)
                .flatMap(service -> Stream.of(service.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Transactional.class)
                        && method.getAnnotation(Transactional.class).value() != Transactional.TxType.MANDATORY)
                .forEach(method -> assertTrue(method.isAnnotationPresent(ContentWrite.class), method::toString));
        Method create = Stream.of(ArticleCommands.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("create")).findFirst().orElseThrow();
        assertTrue(create.isAnnotationPresent(ContentWrite.class));
    }
}
