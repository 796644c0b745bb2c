/**
 * Full-text search of articles: a Lucene index per instance, under the data folder, that follows the database through
 * the search_change log (see V6__search_changes.sql), and answers q, relevance order, highlights and facets.
 */
package com.digestapi.search;
