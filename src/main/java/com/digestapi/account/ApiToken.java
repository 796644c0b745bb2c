package com.digestapi.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A program's credential for an account: only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    public static final int NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(nullable = false, length = NAME_LENGTH)
    public String name;

    /** Lower-case hex SHA-256 of the token. */
    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null: the token does not expire. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Recorded to the minute (see TokenSignIn): a write per request would cost more than the request. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
