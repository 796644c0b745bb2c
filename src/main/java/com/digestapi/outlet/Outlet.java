package com.digestapi.outlet;

import com.digestapi.persistence.NamedEntity;
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

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outlet_seq")
    @SequenceGenerator(name = "outlet_seq", sequenceName = "outlet_seq", allocationSize = 50)
    public Long id;

    @Column(name = "website_url", length = 2048)
    public String websiteUrl;

    @Column(length = 2)
    public String country;

    @Column(length = 35)
    public String language;

    @Override
    protected Long id() {
        return id;
    }
}
