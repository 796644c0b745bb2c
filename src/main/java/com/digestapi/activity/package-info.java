/**
 * The activity log: who changed what, when, under which request id, and how it went. Resource methods that write name
 * their action with {@link com.digestapi.activity.Audited}; the service methods they call are
 * {@link com.digestapi.activity.Recorded}, whose interceptor inserts the success inside the write's transaction;
 * {@link com.digestapi.activity.ActivityRecording} records the failures of authenticated writes in a transaction of their
 * own. Editors read it at GET /api/v1/activity; nothing changes it.
 */
package com.digestapi.activity;
