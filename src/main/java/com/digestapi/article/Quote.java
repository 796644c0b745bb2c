package com.digestapi.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A short quotation from the summarised piece, stored in the article's ordered quote list. */
@Embeddable
public class Quote {

    /** Column sizes: input validation and the API description take them from here. */
    public static final int TEXT_LENGTH = 2000;
    public static final int ATTRIBUTION_LENGTH = 200;

    @Column(nullable = false, length = TEXT_LENGTH)
    public String text;

    @Column(length = ATTRIBUTION_LENGTH)
    public String attribution;
}
