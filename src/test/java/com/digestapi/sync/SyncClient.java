package com.digestapi.sync;

import static com.digestapi.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partner of the tests: keeps a replica of the public content built only from sync items, as a partner's code
 * would, and checks every page's envelope on the way (exactly one of nextPageToken and nextSyncToken).
 */
final class SyncClient {

    /** By type, then id: the data of the latest upsert, until a tombstone removes it. */
    final Map<String, Map<Long, Map<String, Object>>> replica = new TreeMap<>();
    private final String types;
    private int size;
    private String syncToken;
    int pages;

    /** @param types the types parameter to send (null: none, every type) */
    SyncClient(String types, int size) {
        this.types = types;
        this.size = size;
    }

    /** The page size of the next requests. */
    void pageSize(int size) {
        this.size = size;
    }

    /** Pages until caught up (the initial sync first, deltas after); returns the items of this round, applied. */
    List<Map<String, Object>> catchUp() {
        List<Map<String, Object>> round = new ArrayList<>();
        String token = syncToken;
        while (true) {
            Response response = request(token);
            assertEquals(200, response.statusCode(), response::asString);
            JsonPath page = response.jsonPath();
            pages++;
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(this::apply);
            round.addAll(items);
            String nextPage = page.getString("nextPageToken");
            String nextSync = page.getString("nextSyncToken");
            assertEquals(1, (nextPage == null ? 0 : 1) + (nextSync == null ? 0 : 1), response::asString);
            if (nextSync != null) {
                syncToken = nextSync;
                return round;
            }
            token = nextPage;
        }
    }

    /** The token this client would send for its next delta. */
    String syncToken() {
        assertNotNull(syncToken, "the client has not synced yet");
        return syncToken;
    }

    Response request(String token) {
        RequestSpecification request = anonymous().queryParam("size", size);
        if (types != null) {
            request.queryParam("types", types);
        }
        if (token != null) {
            request.queryParam("token", token);
        }
        return request.get("/api/v1/sync");
    }

    /** The data the replica holds for a resource, or null. */
    Map<String, Object> held(String type, long id) {
        return replica.getOrDefault(type, Map.of()).get(id);
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> item) {
        String type = (String) item.get("type");
        long id = ((Number) item.get("id")).longValue();
        Map<Long, Map<String, Object>> ofType = replica.computeIfAbsent(type, t -> new TreeMap<>());
        switch ((String) item.get("op")) {
            case "upsert" -> ofType.put(id, (Map<String, Object>) item.get("data"));
            case "delete" -> ofType.remove(id);
            default -> throw new AssertionError("unknown op in " + item);
        }
    }

    /** The items of a round about one resource. */
    static List<Map<String, Object>> about(List<Map<String, Object>> items, String type, long id) {
        return items.stream().filter(i -> type.equals(i.get("type")) && ((Number) i.get("id")).longValue() == id)
                .toList();
    }
}
