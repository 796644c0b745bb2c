/**
 * Shared persistence: the tracked-entity base class, the slug generator, the slugs resources carried before a rename
 * (slug history) and uniqueness checks.
 */
package com.digestapi.persistence;
