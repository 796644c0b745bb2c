/** Lists: query parameters parsed strictly, HQL list queries run as a count and a page, and the page envelope with its Link and X-Total-Count headers. */
package com.digestapi.listing;
