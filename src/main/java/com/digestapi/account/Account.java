package com.digestapi.account;

import com.digestapi.security.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Someone who can sign in: with HTTP Basic (username and password), or with one of their API tokens. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    public static final String EDITOR = Viewer.EDITOR;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = 100)
    public String username;

    /** A bcrypt hash in modular crypt format ($2a$...); the plain password is never stored. */
    @Column(nullable = false, length = 100)
    public String password;

    /** Comma-separated roles; "editor" may write. */
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
