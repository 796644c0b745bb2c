/**
 * Feature: partner sync, GET /api/v1/sync. An initial sync of every public resource, then deltas from the public
 * change log (changelog.ChangeLog): upserts with the public representation, tombstones for what readers lost.
 */
package com.digestapi.sync;
