package com.digestapi.topic;

import com.digestapi.listing.ListParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;

/** Query parameters of GET /topics. */
public class TopicListParams extends ListParams {

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        TopicFilter filter = new TopicFilter(query(parser), updatedSince(parser));
        PageRequest page = pageRequest(parser, TopicService.SORT);
        parser.validate();
        return new Parsed(filter, page);
    }

    public record Parsed(TopicFilter filter, PageRequest page) {
    }
}
