package com.digestapi.revision;

import com.digestapi.listing.PageParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;

/** Query parameters of GET /articles/{id}/revisions and /issues/{id}/revisions: the paging every list takes. */
public class RevisionListParams extends PageParams {

    /** The page; a 400 naming every malformed parameter otherwise. */
    public PageRequest parse() {
        QueryParser parser = new QueryParser();
        PageRequest request = pageRequest(parser, Revisions.SORT);
        parser.validate();
        return request;
    }
}
