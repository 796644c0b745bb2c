package com.digestapi.sync;

import com.digestapi.article.ArticleView;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.issue.IssueView;
import com.digestapi.outlet.OutletView;
import com.digestapi.topic.TopicView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resource readers see now: store (or replace) it. */
@Schema(name = "SyncUpsert", description = "A public resource, new or changed: store it, replacing what you hold under"
        + " the same type and id.")
public record SyncUpsert(
        @Schema(required = true, enumeration = {"article", "issue", "outlet", "topic"}, examples = "article")
        String type,
        @Schema(required = true, enumeration = {"upsert"}) String op,
        @Schema(required = true, examples = "9") long id,
        @Schema(required = true, description = "The resource as readers GET it now: an article, outlet or topic as"
                + " GET /api/v1/{type}s/{id} answers; an issue as GET /api/v1/issues lists it (its articles come as"
                + " items of their own).",
                anyOf = {ArticleView.class, IssueView.class, OutletView.class, TopicView.class})
        Object data) implements SyncItem {

    static SyncUpsert of(ResourceKind kind, long id, Object data) {
        return new SyncUpsert(kind.code(), "upsert", id, data);
    }
}
