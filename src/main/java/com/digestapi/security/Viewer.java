package com.digestapi.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is reading: editors see drafts; everyone else sees published issues and their articles only. */
@RequestScoped
public class Viewer {

    public static final String EDITOR = "editor";
    /** The name the service's own writes (scheduled publication) go under; no account may take it. */
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean seesDrafts() {
        return identity.hasRole(EDITOR);
    }

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
