package com.digestapi.feed;

import java.util.List;

/** Which entries a feed holds: published articles with any of the topics and any of the outlets, newest first. */
public record FeedQuery(List<String> topics, List<String> outlets, int limit) {
}
