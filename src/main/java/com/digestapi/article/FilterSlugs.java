package com.digestapi.article;

import com.digestapi.persistence.NamedEntity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The topic and outlet slugs of a list or feed filter as they name topics and outlets now (see
 * {@link ArticleQueries#filterSlugs}): the current slugs to filter by, in the order given without repeats, and the
 * names of what they name, topics first, and their ids, which the database lists filter by. A slug from before a rename
 * stands for the current one; an unknown slug stays as it is (it matches nothing, and stands for its own name).
 *
 * @param topicIds  the ids of the topics named, without repeats; {@link #NOTHING} alone when topics were given but
 *                  none is known (the filter then matches nothing); empty when no topic was given
 * @param outletIds the same for outlets
 */
public record FilterSlugs(List<String> topics, List<String> outlets, List<String> names, List<Long> topicIds,
                          List<Long> outletIds) {

    /** An id no row has: a filter by it matches nothing. */
    static final long NOTHING = -1;

    static FilterSlugs of(List<String> topics, List<String> outlets, Map<String, NamedEntity.Named> namedTopics,
                          Map<String, NamedEntity.Named> namedOutlets) {
        return new FilterSlugs(current(topics, namedTopics), current(outlets, namedOutlets),
                Stream.concat(names(topics, namedTopics), names(outlets, namedOutlets)).distinct().toList(),
                ids(topics, namedTopics), ids(outlets, namedOutlets));
    }

    private static List<Long> ids(List<String> given, Map<String, NamedEntity.Named> named) {
        List<Long> ids = given.stream().filter(named::containsKey).map(slug -> named.get(slug).id())
                .distinct().toList();
        return ids.isEmpty() && !given.isEmpty() ? List.of(NOTHING) : ids;
    }

    private static List<String> current(List<String> given, Map<String, NamedEntity.Named> named) {
        return given.stream().map(slug -> named.containsKey(slug) ? named.get(slug).slug() : slug).distinct().toList();
    }

    private static Stream<String> names(List<String> given, Map<String, NamedEntity.Named> named) {
        return given.stream().map(slug -> named.containsKey(slug) ? named.get(slug).name() : slug);
    }
}
