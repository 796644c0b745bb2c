package com.digestapi.account;

import com.digestapi.security.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who can sign in: the security extension checks HTTP Basic credentials against these rows. */
@Entity
@Table(name = "account")
@UserDefinition
public class Account extends PanacheEntityBase {

    public static final String EDITOR = Viewer.EDITOR;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    public Long id;

    @Username
    @Column(nullable = false, unique = true, length = 100)
    public String username;

    /** A bcrypt hash in modular crypt format ($2a$...); the plain password is never stored. */
    @Password(PasswordType.MCF)
    @Column(nullable = false, length = 100)
    public String password;

    /** Comma-separated roles; "editor" may write. */
    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
