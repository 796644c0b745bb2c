package com.digestapi.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Records the SQL Hibernate sends while a block of test code runs, as sent (with ? for each parameter). */
@PersistenceUnitExtension
@ApplicationScoped
public class SentSql implements StatementInspector {

    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            SENT.add(sql);
        }
        return sql;
    }

    public static synchronized List<String> during(Runnable block) {
        SENT.clear();
        recording = true;
        try {
            block.run();
        } finally {
            recording = false;
        }
        return List.copyOf(SENT);
    }
}
