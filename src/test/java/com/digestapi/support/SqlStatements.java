package com.digestapi.support;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements Hibernate prepares while a block of test code runs (statistics are on in tests). */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static long during(EntityManagerFactory factory, Runnable block) {
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        block.run();
        return statistics.getPrepareStatementCount();
    }
}
