/** Shared persistence: the tracked-entity base class, the slug generator and uniqueness checks. */
package com.digestapi.persistence;
