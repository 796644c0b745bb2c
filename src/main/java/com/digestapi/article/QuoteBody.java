package com.digestapi.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quotation as it travels in article bodies, views and documents. */
@Schema(name = "Quote")
public record QuoteBody(
        @Schema(examples = "Kazakhstan is a reliable partner.", required = true) @NotBlank @Size(max = Quote.TEXT_LENGTH) String text,
        @Schema(examples = "Alberto Turkstra", nullable = true) @Size(max = Quote.ATTRIBUTION_LENGTH) String attribution) {

    static QuoteBody of(Quote quote) {
        return new QuoteBody(quote.text, quote.attribution);
    }

    Quote toQuote() {
        Quote quote = new Quote();
        quote.text = text.strip();
        quote.attribution = attribution == null || attribution.isBlank() ? null : attribution.strip();
        return quote;
    }
}
