package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ranking pinned by a small labelled query set over generated data: 120 articles of filler words from a fixed seed, and
 * for each query one article an editor would call the answer, next to decoys that hold the same words in weaker places
 * (only in the summary, only one of them, spread apart). Every query must rank its answer first.
 */
@QuarkusTest
class SearchRelevanceTest {

    private static final String[] FILLER = {"market", "policy", "regional", "growth", "minister", "project", "capital",
            "investment", "agreement", "border", "report", "summit", "sector", "plan", "export", "import", "reform",
            "budget", "election", "company"};

    private static String scope;
    private static final Map<String, Long> ANSWERS = new LinkedHashMap<>();

    @BeforeEach
    void generate() {
        if (scope != null) {
            return;
        }
        String t = unique("rel");
        long outlet = ListSupport.outlet(Map.of("name", t + " wire")).getLong("id");
        long steppe = ListSupport.outlet(Map.of("name", t + " Steppe Herald")).getLong("id");
        long topic = ListSupport.topic(t + " water security").getLong("id");
        long issue = ListSupport.issue(t + " issue", "2433-01-01", "PUBLISHED", null).getLong("id");
        Random random = new Random(20261203L);
        for (int i = 0; i < 120; i++) {
            ListSupport.article(issue, outlet, t + " " + words(random, 6), "2024-02-01", Map.of("summary", words(random, 40) + "."));
        }
        // Headline beats summary: both hold the two words, the answer in its headline.
        ANSWERS.put("copper smelter", article(issue, outlet, t + " Copper smelter doubles output", "Output rose."));
        article(issue, outlet, t + " Output rises in the north", "A copper smelter and a zinc mine reported output.");
        // All words beat some words, however often one is repeated.
        ANSWERS.put("grain corridor caspian", article(issue, outlet, t + " Caspian grain corridor opens",
                "Ships carry grain."));
        article(issue, outlet, t + " Grain grain grain", "Grain prices, grain stocks and the grain harvest.");
        // A phrase beats the same words apart.
        ANSWERS.put("\"central bank\"", article(issue, outlet, t + " Central bank holds rates", "Rates stay."));
        article(issue, outlet, t + " Bank opens a central office", "The bank moved.");
        // Stemming: the plural finds the singular, and the answer holds the word twice.
        ANSWERS.put("pipelines", article(issue, outlet, t + " Pipeline to China", "The pipeline carries gas."));
        // Accents fold: the query without them finds the name with them.
        ANSWERS.put("oskemen", article(issue, outlet, t + " Öskemen smelter expands", "Plans for Öskemen."));
        // The outlet's and the topic's names count.
        ANSWERS.put("steppe herald", article(issue, steppe, t + " Local news", "A day in the city."));
        ANSWERS.put("water security", articleWithTopic(issue, outlet, topic, t + " Dams and rivers", "Reservoirs fill."));
        scope = t;
    }

    private static String words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(FILLER[random.nextInt(FILLER.length)]);
        }
        return String.join(" ", words);
    }

    private static long article(long issue, long outlet, String headline, String summary) {
        return ListSupport.article(issue, outlet, headline, "2024-02-01", Map.of("summary", summary)).getLong("id");
    }

    private static long articleWithTopic(long issue, long outlet, long topic, String headline, String summary) {
        return ListSupport.article(issue, outlet, headline, "2024-02-01",
                Map.of("summary", summary, "topicIds", List.of(topic))).getLong("id");
    }

    @Test
    void everyLabelledQueryRanksItsAnswerFirst() {
        Map<String, Long> first = new LinkedHashMap<>();
        for (String query : ANSWERS.keySet()) {
            // The scope word keeps other tests' articles out; it is in every article here, so it ranks none higher.
            Response response = api().queryParam("q", scope + " " + query).queryParam("size", 3).get("/api/v1/articles");
            assertEquals(200, response.statusCode(), response::asString);
            List<Long> ids = response.jsonPath().getList("items.id", Long.class);
            first.put(query, ids.isEmpty() ? null : ids.get(0));
        }
        assertEquals(ANSWERS, first);
    }
}
