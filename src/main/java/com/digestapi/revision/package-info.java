/**
 * Revisions of articles and issues: content writes record, inside their transaction, who changed a resource, when,
 * which fields, and the resource as it was before (see V11__revisions.sql); the article and issue features read them
 * back and restore from them. The content reads never touch them.
 */
package com.digestapi.revision;
