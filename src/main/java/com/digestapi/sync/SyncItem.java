package com.digestapi.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a sync page: an upsert or a tombstone, told apart by {@code op}. */
@Schema(name = "SyncItem", description = "An upsert (op upsert: the resource as readers see it now) or a tombstone (op"
        + " delete: readers no longer see it).", oneOf = {SyncUpsert.class, SyncTombstone.class})
public sealed interface SyncItem permits SyncUpsert, SyncTombstone {
}
