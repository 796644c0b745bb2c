package com.digestapi.feed;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Text stored before input was checked, or by SQL, with characters XML forbids still makes well-formed feeds. */
@QuarkusTest
class StoredTextFeedTest {

    @Inject
    EntityManager em;

    @Test
    void everyFormatRendersTheSameSafeTextWhereXmlWouldFail() throws Exception {
        String topicName = unique("Topic");
        long topic = api().contentType(ContentType.JSON).body(Map.of("name", topicName)).post("/api/v1/topics")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String topicSlug = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
        long outlet = newOutlet();
        // An old issue date keeps the entry out of the unfiltered feeds other tests read.
        long issue = newIssue("2001-01-01", "PUBLISHED");
        long article = newArticle(issue, outlet, unique("Headline"), Map.of("topicIds", List.of(topic),
                "author", "Author"));
        String word = unique("word");
        QuarkusTransaction.requiringNew().run(() -> {
            update("update article set headline = ?1, summary = ?2, author = ?3 where id = ?4",
                    "Manual\u000Bline break " + word + "\u0001", "Sum\u0001mary\uFFFE\u000Cnext", "Au\u0002thor", article);
            update("update topic set name = ?1 where id = ?2", topicName + "\u0008", topic);
            update("update outlet set name = ?1 where id = ?2", "Out\u001Flet " + word, outlet);
        });
        String headline = "Manual\nline break " + word;
        String summary = "Summary\nnext";
        String author = "Author (Outlet " + word + ")";

        for (String format : List.of("atom", "rss")) {
            Response response = api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles." + format);
            response.then().statusCode(200).contentType(startsWith("application/" + format + "+xml"));
            Document xml = wellFormed(response.asByteArray());
            assertEquals(format.equals("atom") ? "feed" : "rss", xml.getDocumentElement().getLocalName());
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.asString()));
            assertEquals("Foreign media digest — " + topicName, feed.getTitle(), format);
            SyndEntry entry = feed.getEntries().get(0);
            assertEquals(1, feed.getEntries().size(), format);
            assertEquals(headline, entry.getTitle(), format);
            assertEquals(summary, entry.getDescription().getValue(), format);
            assertEquals(author, format.equals("atom") ? entry.getAuthors().get(0).getName() : entry.getAuthor(), format);
        }

        Response json = api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.json");
        json.then().statusCode(200).contentType(startsWith("application/feed+json"));
        JsonPath feed = json.jsonPath();
        assertEquals("Foreign media digest — " + topicName, feed.getString("title"));
        assertEquals(List.of(headline), feed.getList("items.title"));
        assertEquals(List.of(summary), feed.getList("items.content_text"));
        assertEquals(List.of(author), feed.getList("items[0].authors.name"));
        assertEquals(List.of(topicName), feed.getList("items[0].tags"));
        assertEquals("Outlet " + word, feed.getString("items[0]._digest.outlet.name"));
    }

    private void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        assertEquals(1, query.executeUpdate(), sql);
    }

    /** Parses with the platform's XML parser, which refuses what is not well-formed XML 1.0. */
    private static Document wellFormed(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
