package com.digestapi.issue;

import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /issues, and what a PATCH is merged into. */
@Schema(name = "IssueInput")
public record IssueInput(
        @Schema(description = "Generated from title and publishedOn when left out.", examples = "foreign-media-digest-2024-10-12", nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
        String slug,
        @Schema(examples = "Foreign media digest", required = true) @NotBlank @Size(max = Issue.TITLE_LENGTH) String title,
        @Schema(examples = "2024-10-12", required = true) @NotNull LocalDate publishedOn,
        @Schema(examples = "A weekly selection of articles about Kazakhstan from international media.", nullable = true,
                pattern = PortableValues.TEXT_PATTERN)
        @Size(max = Issue.INTRO_LENGTH) String intro,
        @Schema(description = "DRAFT when left out: publish with a PATCH of status, or schedule with SCHEDULED and"
                + " publishAt.", examples = "DRAFT", nullable = true)
        IssueStatus status,
        @Schema(description = PUBLISH_AT, examples = "2024-10-12T06:00:00+05:00", nullable = true,
                implementation = String.class, format = "date-time")
        Instant publishAt) {

    static final String PUBLISH_AT = "When a SCHEDULED issue is published: an ISO-8601 instant with offset (Z or"
            + " +05:00), in the future when it is set or changed, year 9999 at most. Required with status SCHEDULED and"
            + " refused with any other status; a PATCH that moves the issue out of SCHEDULED clears it. Until then readers"
            + " see the issue as a draft (not at all); at that instant (within a second) it becomes PUBLISHED.";

    IssueInput withPublishAt(Instant instant) {
        return new IssueInput(slug, title, publishedOn, intro, status, instant);
    }
}
