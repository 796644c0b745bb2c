package com.digestapi.changelog;

import com.digestapi.caching.ChangedResources;
import com.digestapi.caching.ContentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two content versions, from the log partners sync from: every content write records itself
 * (content_change_set) and every resource readers could see change (content_change), so the read cache drops what
 * shows those and keeps the rest.
 */
@ApplicationScoped
class LoggedChangedResources implements ChangedResources {

    /** Beyond this many changed resources (an import, a rename of a large outlet) dropping everything is cheaper. */
    static final int MOST_NAMED = 10_000;

    @Override
    public Optional<Set<String>> between(Connection connection, ContentVersion.Stamp from, ContentVersion.Stamp to)
            throws SQLException {
        if (!recordedWithoutGaps(connection, from, to)) {
            return Optional.empty();
        }
        // Later versions too: a resource changed again after "to" has its row at the later version.
        Set<String> changed = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select resource_type, resource_id"
                + " from content_change where version > ? fetch first " + (MOST_NAMED + 1) + " rows only")) {
            query.setLong(1, from.version());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changed.add(ResourceKind.ofCode(rows.getString(1)).orElseThrow().key(rows.getLong(2)));
                }
            }
        }
        return changed.size() > MOST_NAMED ? Optional.empty() : Optional.of(Set.copyOf(changed));
    }

    /** Both stamps are writes this log recorded, with the same epochs, and so is every version between them. */
    private static boolean recordedWithoutGaps(Connection connection, ContentVersion.Stamp from,
                                               ContentVersion.Stamp to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*),"
                + " sum(case when version = ? and epoch = ? then 1 else 0 end),"
                + " sum(case when version = ? and epoch = ? then 1 else 0 end)"
                + " from content_change_set where version between ? and ?")) {
            query.setLong(1, from.version());
            query.setLong(2, from.epoch());
            query.setLong(3, to.version());
            query.setLong(4, to.epoch());
            query.setLong(5, from.version());
            query.setLong(6, to.version());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == to.version() - from.version() + 1 && row.getLong(2) == 1
                        && row.getLong(3) == 1;
            }
        }
    }
}
