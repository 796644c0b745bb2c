package com.digestapi.revision;

import static com.digestapi.revision.RevisionSupport.etag;
import static com.digestapi.revision.RevisionSupport.patch;
import static com.digestapi.revision.RevisionSupport.revisions;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two editors restoring the same revision at once with the ETag they both read: one wins, the other gets 412, and one
 * restore is recorded (the winner's write changed the ETag the loser's If-Match names).
 */
@QuarkusTest
class RevisionRaceTest {

    @Test
    void twoEditorsRestoringTheSameRevisionAtOnceHaveOneWinnerAndOne412() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long issue = newIssue();
                String article = "/api/v1/articles/" + newArticle(issue, newOutlet(), unique("Raced"));
                patch(article, Map.of("headline", unique("Overwritten")));
                race(pool, article);
                String issuePath = "/api/v1/issues/" + issue;
                patch(issuePath, Map.of("title", unique("Retitled")));
                race(pool, issuePath);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void race(ExecutorService pool, String path) throws Exception {
        String etag = etag(path);
        int before = revisions(path).size();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int editor = 0; editor < 2; editor++) {
            answers.add(pool.submit(() -> {
                start.await();
                return raw().header("If-Match", etag).post(path + "/revisions/2/restore").statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), path);
        assertEquals(before + 1, revisions(path).size(), path + ": one restore is recorded");
        assertEquals("restored", revisions(path).get(0).get("action"));
    }
}
