package com.digestapi.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void anAbsentOrBlankIfMatchIsNoCondition(String header) {
        Precondition condition = Precondition.ifMatch(header);
        assertSame(Precondition.NONE, condition);
        assertTrue(condition.isNone());
        assertNull(condition.ifMatch());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"abc\"", "W/\"abc\", \"def\"", " \"abc\" "})
    void anyOtherIfMatchIsKeptAsSent(String header) {
        Precondition condition = Precondition.ifMatch(header);
        assertFalse(condition.isNone());
        assertEquals(header, condition.ifMatch());
    }

    @Test
    void aConditionIsAValue() {
        assertEquals(Precondition.ifMatch("\"abc\""), Precondition.ifMatch("\"abc\""));
        assertEquals(new Precondition(null), Precondition.NONE);
    }
}
