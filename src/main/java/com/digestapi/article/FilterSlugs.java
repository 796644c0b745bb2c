package com.digestapi.article;

import com.digestapi.persistence.NamedEntity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The topic and outlet slugs of a list or feed filter as they name topics and outlets now (see
 * {@link ArticleQueries#filterSlugs}): the current slugs to filter by, in the order given without repeats, and the
 * names of what they name, topics first. A slug from before a rename stands for the current one; an unknown slug stays
 * as it is (it matches nothing, and stands for its own name).
 */
public record FilterSlugs(List<String> topics, List<String> outlets, List<String> names) {

    static FilterSlugs of(List<String> topics, List<String> outlets, Map<String, NamedEntity.Named> namedTopics,
                          Map<String, NamedEntity.Named> namedOutlets) {
        return new FilterSlugs(current(topics, namedTopics), current(outlets, namedOutlets),
                Stream.concat(names(topics, namedTopics), names(outlets, namedOutlets)).distinct().toList());
    }

    private static List<String> current(List<String> given, Map<String, NamedEntity.Named> named) {
        return given.stream().map(slug -> named.containsKey(slug) ? named.get(slug).slug() : slug).distinct().toList();
    }

    private static Stream<String> names(List<String> given, Map<String, NamedEntity.Named> named) {
        return given.stream().map(slug -> named.containsKey(slug) ? named.get(slug).name() : slug);
    }
}
