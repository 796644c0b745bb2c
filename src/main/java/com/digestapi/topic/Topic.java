package com.digestapi.topic;

import com.digestapi.persistence.NamedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A subject tag that articles carry. */
@Entity
@Table(name = "topic")
public class Topic extends NamedEntity {

    /** Column size: input validation and the API description take it from here. */
    public static final int DESCRIPTION_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_seq")
    @SequenceGenerator(name = "topic_seq", sequenceName = "topic_seq", allocationSize = 50)
    public Long id;

    @Column(length = DESCRIPTION_LENGTH)
    public String description;

    @Override
    protected Long id() {
        return id;
    }
}
