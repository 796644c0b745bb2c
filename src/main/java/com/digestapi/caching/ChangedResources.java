package com.digestapi.caching;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the read cache which resources readers could see change between two content versions, so that it drops only
 * what shows them (implemented by the change log, which records exactly that for partners).
 */
public interface ChangedResources {

    /**
     * The resources changed after {@code from} up to {@code to} (or later), as {@link RepresentedResources} names them;
     * empty when the log cannot tell: {@code from} or {@code to} is not a write it recorded (a restore, a change made
     * with SQL), a version between them is missing (pruned), or too many changed to be worth naming.
     */
    Optional<Set<String>> between(Connection connection, ContentVersion.Stamp from, ContentVersion.Stamp to)
            throws SQLException;
}
