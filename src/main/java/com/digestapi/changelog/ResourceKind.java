package com.digestapi.changelog;

import java.util.Locale;

/** The kinds of resource the change log follows, in the order a sync walks them. */
public enum ResourceKind {
    ARTICLE, ISSUE, OUTLET, TOPIC;

    /** The name in the log and on the wire: article, issue, outlet, topic (they sort in this enum's order). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a read cache names one resource of this kind ("topic:4"): see RepresentedResources. */
    public String key(long id) {
        return code() + ":" + id;
    }

    /** The kind with this code; empty for any other text. */
    public static java.util.Optional<ResourceKind> ofCode(String code) {
        for (ResourceKind kind : values()) {
            if (kind.code().equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
