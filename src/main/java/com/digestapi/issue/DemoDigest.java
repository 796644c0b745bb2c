package com.digestapi.issue;

import com.digestapi.config.DigestConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/** Loads the demo digest into an empty database on first start, through the import path; never twice. */
@ApplicationScoped
public class DemoDigest {

    private static final Logger LOG = Logger.getLogger(DemoDigest.class);
    static final String SEED = "demo-digest-2024-10-05";
    private static final String DOCUMENT = "demo/foreign-media-digest-2024-10-05.json";

    private final IssueDocuments documents;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final boolean enabled;

    DemoDigest(IssueDocuments documents, ObjectMapper mapper, Validator validator,
               DigestConfig config) {
        this.documents = documents;
        this.mapper = mapper;
        this.validator = validator;
        this.enabled = config.demo().enabled();
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::loadOnce);
        } catch (RuntimeException e) {
            // Another instance sharing the database may have loaded it at the same moment.
            LOG.warnf("Demo digest not loaded: %s", e.getMessage());
        }
    }

    private void loadOnce() {
        var em = Issue.getEntityManager();
        boolean seeded = em.createNativeQuery("select count(*) from seed_history where name = ?1", Long.class)
                .setParameter(1, SEED).getSingleResult() instanceof Number n && n.longValue() > 0;
        if (seeded) {
            return;
        }
        if (Issue.count() == 0) {
            IssueDocuments.Imported imported = documents.importIssue(read());
            LOG.infof("Loaded the demo digest: issue %d with %d articles", imported.issue().id(),
                    imported.issue().articleCount());
        }
        em.createNativeQuery("insert into seed_history (name, applied_at) values (?1, ?2)")
                .setParameter(1, SEED).setParameter(2, Instant.now()).executeUpdate();
    }

    private IssueDocument read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the application");
            }
            IssueDocument document = mapper.readValue(in, IssueDocument.class);
            Set<ConstraintViolation<IssueDocument>> violations = validator.validate(document);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
