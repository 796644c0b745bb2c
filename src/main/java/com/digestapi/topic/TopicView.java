package com.digestapi.topic;

import com.digestapi.caching.RepresentedResources;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic as readers see it, with the number of articles tagged with it. */
@Schema(name = "Topic")
public record TopicView(
        @Schema(examples = "4", required = true, minimum = "1") long id,
        @Schema(examples = "nuclear-energy", required = true, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String slug,
        @Schema(examples = "Nuclear energy", required = true, maxLength = NamedEntity.NAME_LENGTH,
                pattern = PortableValues.NOT_BLANK) String name,
        @Schema(nullable = true, maxLength = Topic.DESCRIPTION_LENGTH) String description,
        @Schema(examples = "1", required = true, minimum = "0") long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) implements RepresentedResources {

    @Override
    public Set<String> representedResources() {
        return Set.of(ResourceKind.TOPIC.key(id));
    }

    static TopicView of(Topic topic, long articleCount) {
        return new TopicView(topic.id, topic.slug, topic.name, topic.description, articleCount, topic.createdAt,
                topic.updatedAt);
    }

    TopicInput toInput() {
        return new TopicInput(slug, name, description);
    }
}
