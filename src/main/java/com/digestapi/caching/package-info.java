/** HTTP caching: the ETag rule, If-Match preconditions, Cache-Control, and the in-memory read cache keyed by the shared content version. */
package com.digestapi.caching;
