package com.digestapi.problem;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only resource: a write the database refuses as too long for its column, which no operation of the API can
 * reach any more since validation and the search text match the schema. Hidden from the OpenAPI document.
 */
@Path("/test-probes/too-long")
public class StorageProbe {

    private final EntityManager em;

    StorageProbe(EntityManager em) {
        this.em = em;
    }

    @POST
    @Transactional
    @Operation(hidden = true)
    public void tooLong() {
        // seed_history.name is varchar(100): the insert fails, so nothing is stored.
        em.createNativeQuery("insert into seed_history (name, applied_at) values (?1, current_timestamp)")
                .setParameter(1, "x".repeat(101))
                .executeUpdate();
    }
}
