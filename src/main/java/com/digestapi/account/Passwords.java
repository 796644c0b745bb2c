package com.digestapi.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hashes passwords with bcrypt at the configured cost (each step doubles the work of every sign-in). */
@ApplicationScoped
public class Passwords {

    private final int cost;

    Passwords(@ConfigProperty(name = "digest.password.bcrypt-cost", defaultValue = "10") int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
