package com.digestapi.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code digest.*} setting, with its default: the one place defaults are declared (application.properties only
 * overrides them per profile). Property names are the method names in kebab-case under their group, e.g.
 * {@code readCache().maxSize()} is {@code digest.read-cache.max-size}, env {@code DIGEST_READ_CACHE_MAX_SIZE}. The
 * README's configuration table lists the same settings and defaults (ConfigurationTableTest checks it).
 *
 * <p>SmallRye Config registers these defaults as a config source of the lowest ordinal, so expressions elsewhere see
 * them too: {@code quarkus.datasource.jdbc.url=jdbc:h2:file:${digest.data-dir}/digest} in application.properties
 * becomes {@code ./data/digest} when nothing sets {@code digest.data-dir}, and follows {@code DIGEST_DATA_DIR} or
 * {@code -Ddigest.data-dir} when something does. In code, only account.FirstEditor reads {@link #dataDir()}: it writes
 * a generated first-editor password there.
 *
 * <p>Every property under {@code digest.} must be one of these: an unknown one, such as a misspelt name in
 * application.properties or a system property, stops the start ("SRCFG00050 ... does not map to any root"; environment
 * variables are not checked). Properties that only the tests read are therefore named {@code digest-test.*}.
 */
@ConfigMapping(prefix = "digest")
public interface DigestConfig {

    /** The demo content. */
    Demo demo();

    /**
     * Folder of the embedded H2 database (a write is answered once its commit is in the file: it survives kill -9) and of the
     * file {@code first-editor-password}, when the first editor's password is generated.
     */
    @WithDefault("./data")
    String dataDir();

    /** The Atom, RSS and JSON feeds. */
    Feed feed();

    /** HTTP caching by browsers and CDNs. */
    Http http();

    /** The in-memory cache of anonymous reads. */
    ReadCache readCache();

    /** Reads from the database. */
    Read read();

    /** Lists. */
    Lists list();

    /** The first editor account. */
    Editor editor();

    /** Stored passwords. */
    Password password();

    /** Which browser origins may read and write. */
    Cors cors();

    /** The full-text search index of articles. */
    Search search();

    /** How many requests a client may send (per instance), and how many wrong credentials. */
    RateLimit rateLimit();

    /** Partner sync (GET /api/v1/sync). */
    Sync sync();

    /** Webhooks: where deliveries may go, and how they are retried. */
    Webhooks webhooks();

    /** Revisions of articles and issues: how long a deleted one can be restored, and which are kept. */
    Revisions revisions();

    /** Scheduled publication of issues. */
    Scheduling scheduling();

    interface Demo {

        /** Load the demo digest into an empty database on first start. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Feed {

        /** Feed title (a filtered feed appends what it filters by). */
        @WithDefault("Foreign media digest")
        String title();

        /** Feed description. */
        @WithDefault("Articles about Kazakhstan from international media, summarised each week by The Astana Times.")
        String description();
    }

    interface Http {

        /** Seconds browsers and CDNs may keep anonymous reads ({@code Cache-Control: public, max-age=N}). */
        @WithDefault("30")
        long cacheMaxAge();
    }

    interface ReadCache {

        /** Answer repeated anonymous reads from memory until the next write. */
        @WithDefault("true")
        boolean enabled();

        /** Memory the cached responses may take (least valuable ones are evicted first). */
        @WithDefault("32M")
        MemorySize maxSize();

        /** How late this instance's readers may see another instance's write. */
        @WithDefault("1S")
        Duration maxStaleness();
    }

    interface Read {

        /**
         * Seconds one database statement may run before it is cancelled and the request is answered 503 (0: no limit).
         * Nothing reads it in code: application.properties makes it H2's MAX_QUERY_TIMEOUT (every statement, migrations
         * too) or, on PostgreSQL, the default JDBC timeout Hibernate gives every query.
         */
        @WithDefault("5")
        int statementTimeout();
    }

    interface Lists {

        /**
         * How many matches a list counts at most. Counting every match of a popular filter costs more than its page, so
         * above this many, totalItems says this many, totalExact is false, and X-Total-Count and the last link are left
         * out. The unfiltered public article list always counts exactly (the database answers it from table sizes).
         */
        @WithDefault("10000")
        int countLimit();
    }

    interface Editor {

        /** User name of the first editor. */
        @WithDefault("editor")
        String username();

        /**
         * Password of the first editor, applied at every start; without one, the start that creates the account
         * generates a random password and writes it to {@code first-editor-password} in the data folder (owner-only).
         */
        Optional<String> password();
    }

    interface Password {

        /** bcrypt cost of stored passwords (every sign-in pays it; each step doubles the work). */
        @WithDefault("10")
        int bcryptCost();
    }

    interface Cors {

        /** Origins whose browsers may read (comma-separated; {@code *} for any). */
        @WithDefault("*")
        List<String> readOrigins();

        /** Origins whose browsers may write (comma-separated); a write from any other origin is a 403. */
        @WithDefault("none")
        List<String> writeOrigins();
    }

    interface Search {

        /**
         * Folder of this instance's Lucene index (default: {@code search-index} in the data folder). It is a copy of
         * the database: deleting it makes the next start build it again. Each instance needs its own; one that finds the
         * folder in use builds a private copy in a temporary folder.
         */
        Optional<String> indexDir();

        /** How often the index applies other instances' writes from the database's change log. */
        @WithDefault("200ms")
        Duration followInterval();

        /**
         * How long the search change log keeps a version (pruned hourly; a version's time is that of its sync change
         * set). An instance whose index is further behind, stopped for longer, rebuilds it from the articles.
         */
        @WithDefault("7d")
        Duration logRetention();
    }

    interface RateLimit {

        /** Limit requests at all (every response then states its limits in RateLimit-Policy and RateLimit headers). */
        @WithDefault("true")
        boolean enabled();

        /** Requests a minute from one client address without credentials (IPv6: one /64). */
        @WithDefault("60000")
        int anonymousPerMinute();

        /** Requests a minute with the credentials of one account (HTTP Basic) or one API token. */
        @WithDefault("60000")
        int authenticatedPerMinute();

        /** Of those, writes (POST, PUT, PATCH, DELETE) a minute. */
        @WithDefault("30000")
        int writesPerMinute();

        /**
         * Wrong credentials a minute from one client address, and for one username; past either, sign-ins answer 429
         * without checking the password (a password already verified within the minute still works).
         */
        @WithDefault("100")
        int failedSignInsPerMinute();

        /** Clients remembered per limit; the least recently seen are forgotten first, so memory stays bounded. */
        @WithDefault("100000")
        int maxClients();
    }

    interface Sync {

        /**
         * How long tombstones (and the rest of the change history) are kept. A sync token whose next change is older
         * than this answers 410 Gone: the client starts again with an initial sync.
         */
        @WithDefault("90d")
        Duration retention();
    }

    interface Webhooks {

        /** Let subscriptions use http:// URLs (local set-ups, tests); otherwise https only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Let subscriptions target loopback, private, link-local (cloud metadata), unique-local and other non-public
         * addresses; checked when a subscription is created or changed and again before each delivery.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often each instance looks for deliveries that are due (its own writes' events go out at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Wait before the first retry of a failed delivery; each further retry waits twice as long, with jitter. */
        @WithDefault("5s")
        Duration retryDelay();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration retryMaxDelay();

        /**
         * How long a delivery is retried after its first attempt failed; then it fails for good and its subscription is
         * disabled (it shows why). The queue behind it waits until an editor enables the subscription again.
         */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** Deliveries sent at the same time by one instance (each subscription's go out one after the other). */
        @WithDefault("4")
        int senders();

        /** How long delivered, failed and skipped deliveries stay in a subscription's list of deliveries. */
        @WithDefault("30d")
        Duration deliveryRetention();
    }

    interface Revisions {

        /**
         * How long after its deletion an article or issue can be brought back (POST .../revisions/{n}/restore on its
         * id); later, a restore answers 410 Gone, though its revisions stay readable until {@link #keep()} removes them.
         */
        @WithDefault("30d")
        Duration restoreDeletedFor();

        /** Which revisions are kept. */
        RevisionsKept keep();
    }

    interface RevisionsKept {

        /**
         * The newest revisions kept per article or issue (at least 1); the write that adds one more removes the oldest
         * in the same transaction.
         */
        @WithDefault("100")
        int count();

        /**
         * Revisions older than this are removed in the background (hourly), except the newest of an article or issue
         * that still exists, so its numbers go on from where they were.
         */
        @WithDefault("365d")
        Duration age();
    }

    interface Scheduling {

        /**
         * How often each instance looks for scheduled issues whose publishAt has come (one indexed query); an issue is
         * published this long after its publishAt at most, plus the time its publishing takes.
         */
        @WithDefault("200ms")
        Duration pollInterval();
    }
}
