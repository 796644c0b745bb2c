package com.digestapi.topic;

import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /topics, and what a PATCH is merged into. */
@Schema(name = "TopicInput")
public record TopicInput(
        @Schema(description = "Generated from the name when left out.", examples = "nuclear-energy", nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
        String slug,
        @Schema(examples = "Nuclear energy", required = true) @NotBlank @Size(max = NamedEntity.NAME_LENGTH) String name,
        @Schema(examples = "Nuclear power, its plants and the politics around them.", nullable = true,
                pattern = PortableValues.TEXT_PATTERN)
        @Size(max = Topic.DESCRIPTION_LENGTH) String description) {
}
