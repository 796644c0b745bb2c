package com.digestapi.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the search index is built and follows the database; down while it is built (searches answer 503). */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final LuceneSearchEngine engine;

    SearchReadiness(LuceneSearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        LuceneSearchEngine.State state = engine.state();
        return HealthCheckResponse.named("search-index")
                .status(state == LuceneSearchEngine.State.FOLLOWING)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT))
                .withData("articles", engine.documents())
                .withData("contentVersion", engine.appliedVersion())
                .build();
    }
}
