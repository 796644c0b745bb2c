package com.digestapi.problem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.digestapi.problem.Problem.FieldError;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A problem body keeps to the sizes the API description states, however much the request gave to complain about. */
class ProblemTest {

    @Test
    void longTextsAndManyErrorsAreCutToTheStatedSizes() {
        List<FieldError> errors = IntStream.range(0, 150)
                .mapToObj(i -> new FieldError("f".repeat(300), "m".repeat(600))).toList();
        Problem problem = new Problem("http://localhost/problems/validation", "Invalid request", 400, "d".repeat(5000),
                "/api/v1/articles", errors);
        assertThat(problem.detail().length(), equalTo(Problem.DETAIL_LENGTH));
        assertThat(problem.detail(), endsWith("d\u2026"));
        assertThat(problem.errors(), hasSize(Problem.MAX_ERRORS));
        assertThat(problem.errors().get(0).field().length(), equalTo(FieldError.FIELD_LENGTH));
        assertThat(problem.errors().get(0).message().length(), equalTo(FieldError.MESSAGE_LENGTH));
    }

    @Test
    void whatFitsStaysAsItIs() {
        Problem problem = new Problem("http://localhost/problems/validation", "Invalid request", 400, "d".repeat(4000),
                "/api/v1/articles", List.of(new FieldError("", "must not be blank")));
        assertThat(problem.detail(), equalTo("d".repeat(4000)));
        assertThat(problem.errors(), equalTo(List.of(new FieldError("", "must not be blank"))));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        // U+1F600 is two chars: the cut drops the whole of the one it would halve.
        String cut = Problem.cut("a" + "\uD83D\uDE00".repeat(10), 5);
        assertThat(cut, equalTo("a\uD83D\uDE00\u2026"));
        assertThat(Problem.cut("ab" + "\uD83D\uDE00".repeat(10), 5), equalTo("ab\uD83D\uDE00\u2026"));
    }
}
