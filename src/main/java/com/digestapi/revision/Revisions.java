package com.digestapi.revision;

import com.digestapi.changelog.ResourceKind;
import com.digestapi.config.DigestConfig;
import com.digestapi.listing.ListQuery;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.digestapi.security.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * The revisions of articles and issues. Content writes call {@link #record} inside their transaction with each changed
 * resource's representation before and after the change (the views an editor's GET gives); this numbers the
 * revisions, works out which top-level fields changed and inserts them: one statement to read the resources' last
 * numbers, one to insert every revision of the write, and one more to drop the revisions beyond
 * {@code digest.revisions.keep.count} when there are any, however many resources the write changed. The features read
 * them back ({@link #list}, {@link #get}) and restore from their data; nothing on the content read path touches them.
 */
@ApplicationScoped
public class Revisions {

    /** Newest first by default. */
    public static final SortFields SORT = SortFields.of("r", "-number", "number", "at");
    /** An account name's length. */
    public static final int EDITOR_LENGTH = 100;
    /** The longest field name of a representation, and how many fields one has at most. */
    public static final int FIELD_LENGTH = 40;
    public static final String FIELD_PATTERN = "^[A-Za-z]+$";
    public static final int MAX_CHANGED = 24;
    static final int CHANGED_LENGTH = 1000;
    /** The actions, as the API names them. */
    public static final String[] ACTIONS = {"created", "updated", "deleted", "restored"};

    private static final String UPDATED_AT = "updatedAt";
    private static final String RESTORING = Revisions.class.getName() + ".restoring";
    /**
     * Ids per IN list, and rows per insert or delete: PostgreSQL takes at most 65,535 parameters per statement. A write
     * changes at most an issue and its 500 articles, so each is one statement.
     */
    private static final int CHUNK = 1000;
    private static final int ROWS_PER_INSERT = 500;

    /** What a revision records. */
    public enum Action {
        CREATED, UPDATED, DELETED, RESTORED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One resource a write changed: its representation before (null: it did not exist) and after (null: deleted).
     * Representations are the views the API sends, serialised as it serialises them.
     */
    public record Change(ResourceKind kind, long id, Object before, Object after) {
    }

    /** A stored revision; data is the JSON of the representation before the change, or null. */
    public record Stored(long number, String editor, Instant at, String action, List<String> changed, Long restoredFrom,
                         String data) {
    }

    private record Key(ResourceKind kind, long id) {
    }

    private record Row(Key key, Action action, List<String> changed, Long restoredFrom, String data) {
    }

    private final ObjectMapper mapper;
    private final Viewer viewer;
    private final TransactionSynchronizationRegistry transactions;
    private final int keepCount;
    private final Duration restoreDeletedFor;

    Revisions(ObjectMapper mapper, Viewer viewer, TransactionSynchronizationRegistry transactions, DigestConfig config) {
        this.mapper = mapper;
        this.viewer = viewer;
        this.transactions = transactions;
        this.keepCount = Math.max(1, config.revisions().keep().count());
        this.restoreDeletedFor = config.revisions().restoreDeletedFor();
    }

    // ---------------------------------------------------------------- Writing, inside content writes

    /** Records one resource's change in the current transaction. */
    public void record(ResourceKind kind, long id, Object before, Object after) {
        record(List.of(new Change(kind, id, before, after)));
    }

    /**
     * Records these changes in the current transaction, as one write of the current editor (none outside a request:
     * the demo digest at first start). An update that changed no field but updatedAt is no revision; a restore always
     * is one (see {@link #restoring}).
     */
    public void record(List<Change> changes) {
        Map<Key, Long> restoring = restoringNow();
        List<Row> rows = new ArrayList<>();
        for (Change change : changes) {
            Key key = new Key(change.kind(), change.id());
            List<String> changed = changedFields(tree(change.before()), tree(change.after()));
            Long restoredFrom = restoring.get(key);
            Action action = restoredFrom != null ? Action.RESTORED : change.before() == null ? Action.CREATED
                    : change.after() == null ? Action.DELETED : Action.UPDATED;
            if (action == Action.UPDATED && changed.isEmpty()) {
                continue;
            }
            rows.add(new Row(key, action, changed, restoredFrom, change.before() == null ? null : json(change.before())));
        }
        if (rows.isEmpty()) {
            return;
        }
        Map<Key, Long> numbers = lastNumbers(rows.stream().map(Row::key).collect(Collectors.toSet()));
        List<Object[]> values = new ArrayList<>();
        Map<Key, Long> newest = new LinkedHashMap<>();
        OffsetDateTime at = utc(TrackedEntity.now());
        String editor = editor();
        for (Row row : rows) {
            long number = numbers.merge(row.key(), 1L, Long::sum);
            newest.put(row.key(), number);
            values.add(new Object[] {row.key().kind().code(), row.key().id(), number, row.action().code(), editor, at,
                    String.join(",", row.changed()), row.restoredFrom(), row.data()});
        }
        insert(values);
        pruneBeyondKeepCount(newest);
    }

    /**
     * Marks the current transaction's write of this resource as the restore of one of its revisions: the revision it
     * records is a restore of that number, also when the write goes through the ordinary update path and changes
     * nothing.
     */
    public void restoring(ResourceKind kind, long id, long number) {
        restoringNow().put(new Key(kind, id), number);
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Long> restoringNow() {
        Map<Key, Long> restoring = (Map<Key, Long>) transactions.getResource(RESTORING);
        if (restoring == null) {
            restoring = new HashMap<>();
            transactions.putResource(RESTORING, restoring);
        }
        return restoring;
    }

    /** The account of the request's credentials (an API token acts as its account); none outside requests. */
    private String editor() {
        return Arc.container().requestContext().isActive() ? viewer.name() : null;
    }

    private JsonNode tree(Object representation) {
        return representation == null ? null : mapper.valueToTree(representation);
    }

    private String json(Object representation) {
        try {
            return mapper.writeValueAsString(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("representation could not be serialised", e);
        }
    }

    /**
     * The names of the top-level fields whose values differ, in the representation's order (a missing field or a
     * missing representation counts as null); updatedAt, which every write moves, is left out at every depth, so an
     * issue's status change does not list its articles, whose updatedAt it moves.
     */
    static List<String> changedFields(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode side : Arrays.asList(after, before)) {
            if (side != null) {
                side.fieldNames().forEachRemaining(names::add);
            }
        }
        names.remove(UPDATED_AT);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!withoutUpdatedAt(field(before, name)).equals(withoutUpdatedAt(field(after, name)))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static JsonNode field(JsonNode representation, String name) {
        JsonNode value = representation == null ? null : representation.get(name);
        return value == null ? NullNode.getInstance() : value;
    }

    private static JsonNode withoutUpdatedAt(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.remove(UPDATED_AT);
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> copy.set(name, withoutUpdatedAt(copy.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).deepCopy();
            for (int i = 0; i < copy.size(); i++) {
                copy.set(i, withoutUpdatedAt(copy.get(i)));
            }
            return copy;
        }
        return node;
    }

    /**
     * The number of each resource's newest revision; resources without any have no entry. One statement for any write
     * (an issue with its 500 articles included).
     */
    private Map<Key, Long> lastNumbers(Set<Key> keys) {
        Map<ResourceKind, List<Long>> ids = new LinkedHashMap<>();
        keys.forEach(key -> ids.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.id()));
        List<String> terms = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        for (Map.Entry<ResourceKind, List<Long>> kind : ids.entrySet()) {
            for (int from = 0; from < kind.getValue().size(); from += CHUNK) {
                int n = terms.size();
                terms.add("(resource_type = :type" + n + " and resource_id in (:ids" + n + "))");
                parameters.put("type" + n, kind.getKey().code());
                parameters.put("ids" + n, kind.getValue().subList(from, Math.min(kind.getValue().size(), from + CHUNK)));
            }
        }
        Map<Key, Long> numbers = new HashMap<>();
        if (terms.isEmpty()) {
            return numbers;
        }
        var query = Panache.getEntityManager().createNativeQuery("select resource_type, resource_id, max(number)"
                + " from revision where " + String.join(" or ", terms) + " group by resource_type, resource_id");
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> numbers.put(new Key(ResourceKind.ofCode((String) row[0]).orElseThrow(),
                ((Number) row[1]).longValue()), ((Number) row[2]).longValue()));
        return numbers;
    }

    /** Inserts the rows, up to {@value #ROWS_PER_INSERT} per statement. */
    private static void insert(List<Object[]> rows) {
        Class<?>[] types = {String.class, Long.class, Long.class, String.class, String.class, OffsetDateTime.class,
                String.class, Long.class, String.class};
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            NativeQuery<?> insert = nativeQuery("insert into revision (resource_type, resource_id, number, action,"
                    + " editor, changed_at, changed_fields, restored_from, data) values "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")));
            int position = 1;
            for (Object[] row : chunk) {
                for (int i = 0; i < row.length; i++) {
                    bind(insert, position++, row[i], types[i]);
                }
            }
            insert.executeUpdate();
        }
    }

    /** Drops the revisions older than the newest {@code digest.revisions.keep.count} of each resource. */
    private void pruneBeyondKeepCount(Map<Key, Long> newest) {
        List<Map.Entry<Key, Long>> over = newest.entrySet().stream().filter(e -> e.getValue() > keepCount).toList();
        for (int from = 0; from < over.size(); from += ROWS_PER_INSERT) {
            List<Map.Entry<Key, Long>> chunk = over.subList(from, Math.min(over.size(), from + ROWS_PER_INSERT));
            NativeQuery<?> delete = nativeQuery("delete from revision where " + String.join(" or ",
                    Collections.nCopies(chunk.size(), "(resource_type = ? and resource_id = ? and number <= ?)")));
            int position = 1;
            for (Map.Entry<Key, Long> entry : chunk) {
                bind(delete, position++, entry.getKey().kind().code(), String.class);
                bind(delete, position++, entry.getKey().id(), Long.class);
                bind(delete, position++, entry.getValue() - keepCount, Long.class);
            }
            delete.executeUpdate();
        }
    }

    private static NativeQuery<?> nativeQuery(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    /** Binds with the column's type, so that a null has one too (PostgreSQL needs to know). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(NativeQuery<?> query, int position, Object value, Class<?> type) {
        query.setParameter(position, value, (Class) type);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- Reading

    /** A page of the resource's revisions (newest first unless sorted otherwise): a bounded count and the page. */
    public Page<Stored> list(ResourceKind kind, long id, PageRequest request) {
        return ListQuery.of("Revision", "r")
                .where("r.resourceType = :type", "type", kind.code())
                .where("r.resourceId = :resource", "resource", id)
                .page(request, Revision.class)
                .map(Revisions::stored);
    }

    public Optional<Stored> get(ResourceKind kind, long id, long number) {
        return Revision.<Revision>find("resourceType = ?1 and resourceId = ?2 and number = ?3", kind.code(), id, number)
                .firstResultOptional().map(Revisions::stored);
    }

    /** The resource's revision number {@code number}; a 404 naming both when there is none. */
    public Stored require(ResourceKind kind, long id, long number) {
        return get(kind, id, number).orElseThrow(() -> ProblemException.notFound(kind.code() + " " + id + " revision",
                number));
    }

    public Optional<Stored> latest(ResourceKind kind, long id) {
        return Revision.<Revision>find("resourceType = ?1 and resourceId = ?2", Sort.descending("number"), kind.code(), id)
                .firstResultOptional().map(Revisions::stored);
    }

    /** The number of each resource's newest revision, in one statement; resources without any are left out. */
    public Map<Long, Long> latestNumbers(ResourceKind kind, Collection<Long> ids) {
        Map<Long, Long> numbers = new HashMap<>();
        lastNumbers(ids.stream().map(id -> new Key(kind, id)).collect(Collectors.toSet()))
                .forEach((key, number) -> numbers.put(key.id(), number));
        return numbers;
    }

    /**
     * The newest revision of a resource that no longer exists, which recorded its deletion, as long as it may be
     * restored: a 404 when the resource has no revisions (it never existed, or the retention removed them all), a 410
     * when it was deleted longer ago than {@code digest.revisions.restore-deleted-for}.
     */
    public Stored deletion(ResourceKind kind, long id) {
        Stored latest = latest(kind, id).orElseThrow(() -> ProblemException.notFound(kind.code(), id));
        if (latest.at().isBefore(Instant.now().minus(restoreDeletedFor))) {
            throw new ProblemException(ProblemType.RESTORE_EXPIRED, kind.code() + " " + id + " was deleted at "
                    + latest.at() + ", longer ago than a restore is offered (" + days(restoreDeletedFor) + "): it can no"
                    + " longer be brought back; its revisions stay readable until the retention removes them");
        }
        return latest;
    }

    private static String days(Duration duration) {
        return duration.toHours() % 24 == 0 && duration.toDays() > 0 ? duration.toDays() + " days" : duration.toString();
    }

    private static Stored stored(Revision revision) {
        List<String> changed = revision.changedFields.isEmpty() ? List.of()
                : List.of(revision.changedFields.split(","));
        return new Stored(revision.number, revision.editor, revision.at, revision.action, changed,
                revision.restoredFrom, revision.data);
    }
}
