package com.digestapi.topic;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic as readers see it, with the number of articles tagged with it. */
@Schema(name = "Topic")
public record TopicView(
        @Schema(examples = "4", required = true) long id,
        @Schema(examples = "nuclear-energy", required = true) String slug,
        @Schema(examples = "Nuclear energy", required = true) String name,
        @Schema(nullable = true) String description,
        @Schema(examples = "1", required = true) long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static TopicView of(Topic topic, long articleCount) {
        return new TopicView(topic.id, topic.slug, topic.name, topic.description, articleCount, topic.createdAt,
                topic.updatedAt);
    }

    TopicInput toInput() {
        return new TopicInput(slug, name, description);
    }
}
