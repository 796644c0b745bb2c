/**
 * Lists: query parameters parsed strictly, HQL list queries run as a bounded count and a page (numbered, or after a
 * cursor: keyset paging), and the page envelope with its Link and X-Total-Count headers.
 */
package com.digestapi.listing;
