/**
 * The public change log that partners sync from: content writes record, inside their transaction and in version
 * order, which resources readers see changed or removed (see V8__content_changes.sql); readers walk it by version.
 */
package com.digestapi.changelog;
