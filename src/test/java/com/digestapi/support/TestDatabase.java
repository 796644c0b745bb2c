package com.digestapi.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database every @QuarkusTest of the suite shares (H2 in memory, or PostgreSQL with the pg profile). */
@QuarkusTestResource(PostgresResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
