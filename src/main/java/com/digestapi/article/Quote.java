package com.digestapi.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A short quotation from the summarised piece, stored in the article's ordered quote list. */
@Embeddable
public class Quote {

    @Column(nullable = false, length = 2000)
    public String text;

    @Column(length = 200)
    public String attribution;
}
