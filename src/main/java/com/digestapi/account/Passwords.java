package com.digestapi.account;

import com.digestapi.config.DigestConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Hashes passwords with bcrypt at the configured cost (each step doubles the work of every sign-in). */
@ApplicationScoped
public class Passwords {

    private final int cost;

    Passwords(DigestConfig config) {
        this.cost = config.password().bcryptCost();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
