package com.digestapi.sync;

import com.digestapi.changelog.ChangeLog;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.Cursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a client's sync stands, as the opaque token it sends back; travels in the form of a {@link Cursor} (base64url
 * JSON with a checksum), whose list names the token's format, mode and types, and whose keys carry the points of the
 * change log and the page position. Decoding checks the form only: whether the points belong to this database and are
 * still complete is for {@link ChangeLog#standing} to tell.
 *
 * @param from  SYNC and DELTA: the point the client has everything up to
 * @param to    INITIAL and DELTA: the point the walk makes the client complete up to
 * @param after INITIAL and DELTA: the last resource the previous page gave (an initial walk's version is 0)
 */
record SyncToken(Mode mode, Set<ResourceKind> types, ChangeLog.Point from, ChangeLog.Point to,
                 ChangeLog.Position after) {

    /** What the token continues: a delta from a caught-up client, an initial walk, or a delta walk. */
    enum Mode {
        SYNC(2), INITIAL(4), DELTA(7);

        private final int keys;

        Mode(int keys) {
            this.keys = keys;
        }
    }

    /** Names the format, so a later one can be told apart (and a list cursor is no sync token). */
    private static final String FORMAT = "sync1";

    SyncToken {
        types = EnumSet.copyOf(types);
    }

    static SyncToken caughtUp(Set<ResourceKind> types, ChangeLog.Point at) {
        return new SyncToken(Mode.SYNC, types, at, null, null);
    }

    static SyncToken initial(Set<ResourceKind> types, ChangeLog.Point to, ResourceKind kind, long afterId) {
        return new SyncToken(Mode.INITIAL, types, null, to, new ChangeLog.Position(0, kind, afterId));
    }

    static SyncToken delta(Set<ResourceKind> types, ChangeLog.Point from, ChangeLog.Point to,
                           ChangeLog.Position after) {
        return new SyncToken(Mode.DELTA, types, from, to, after);
    }

    String encode() {
        List<Long> numbers = new ArrayList<>();
        ResourceKind kind = null;
        switch (mode) {
            case SYNC -> numbers.addAll(List.of(from.version(), from.epoch()));
            case INITIAL -> {
                numbers.addAll(List.of(to.version(), to.epoch(), after.id()));
                kind = after.kind();
            }
            case DELTA -> {
                numbers.addAll(List.of(from.version(), from.epoch(), to.version(), to.epoch(), after.version(),
                        after.id()));
                kind = after.kind();
            }
        }
        List<String> keys = numbers.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
        if (kind != null) {
            // The kind sits before the id, in the order of a position.
            keys.add(keys.size() - 1, kind.code());
        }
        // A sync token counts no items passed: the position of a cursor stays 0.
        return new Cursor(FORMAT + " " + mode.name().toLowerCase(java.util.Locale.ROOT) + " " + codes(types), 0, keys)
                .encode();
    }

    /**
     * The token this text encodes.
     *
     * @throws IllegalArgumentException when it is not one that {@link #encode} made, or was changed since
     */
    static SyncToken decode(String text) {
        Cursor cursor = Cursor.decode(text);
        String[] list = cursor.list().split(" ", -1);
        if (list.length != 3 || !list[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a sync token");
        }
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.name().equalsIgnoreCase(list[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode"));
        Set<ResourceKind> types = EnumSet.noneOf(ResourceKind.class);
        for (String code : list[2].split(",", -1)) {
            types.add(ResourceKind.ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown type")));
        }
        List<String> keys = cursor.keys();
        if (keys.size() != mode.keys) {
            throw new IllegalArgumentException("wrong number of keys");
        }
        return switch (mode) {
            case SYNC -> caughtUp(types, new ChangeLog.Point(number(keys, 0), number(keys, 1)));
            case INITIAL -> initial(types, new ChangeLog.Point(number(keys, 0), number(keys, 1)), kind(keys, 2),
                    number(keys, 3));
            case DELTA -> delta(types, new ChangeLog.Point(number(keys, 0), number(keys, 1)),
                    new ChangeLog.Point(number(keys, 2), number(keys, 3)),
                    new ChangeLog.Position(number(keys, 4), kind(keys, 5), number(keys, 6)));
        };
    }

    static String codes(Set<ResourceKind> types) {
        return EnumSet.copyOf(types).stream().map(ResourceKind::code).collect(Collectors.joining(","));
    }

    private static long number(List<String> keys, int index) {
        String key = keys.get(index);
        if (key == null) {
            throw new IllegalArgumentException("missing key");
        }
        // NumberFormatException is an IllegalArgumentException: a changed digit is a malformed token.
        return Long.parseLong(key);
    }

    private static ResourceKind kind(List<String> keys, int index) {
        String key = keys.get(index);
        return ResourceKind.ofCode(key == null ? "" : key)
                .orElseThrow(() -> new IllegalArgumentException("unknown kind"));
    }
}
