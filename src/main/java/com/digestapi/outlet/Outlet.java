package com.digestapi.outlet;

import com.digestapi.persistence.NamedEntity;
import com.digestapi.web.WebUrl;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A media outlet whose pieces the digest summarises. */
@Entity
@Table(name = "outlet")
public class Outlet extends NamedEntity {

    /** Column sizes: input validation and the API description take them from here. */
    public static final int COUNTRY_LENGTH = 2;
    public static final int LANGUAGE_LENGTH = 35;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outlet_seq")
    @SequenceGenerator(name = "outlet_seq", sequenceName = "outlet_seq", allocationSize = 50)
    public Long id;

    @Column(name = "website_url", length = WebUrl.MAX_LENGTH)
    public String websiteUrl;

    @Column(length = COUNTRY_LENGTH)
    public String country;

    @Column(length = LANGUAGE_LENGTH)
    public String language;

    @Override
    protected Long id() {
        return id;
    }
}
