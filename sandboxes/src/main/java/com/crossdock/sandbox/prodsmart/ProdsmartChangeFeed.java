package com.crossdock.sandbox.prodsmart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * The change stacks of the company's channels ("Kanały źródła danych zmian"): each holds the current
 * state of every item changed in the last 24 hours and not yet read, oldest change first; a read returns
 * at most 25 and removes them; an item changed again moves to the end with its new state.
 */
class ProdsmartChangeFeed {

    private record Change(JsonNode item, Instant at) {

        boolean keptAt(Instant now, Duration retention) {
            return at.isAfter(now.minus(retention));
        }
    }

    private final Clock clock;
    private final Duration retention;
    private final Map<String, LinkedHashMap<String, Change>> channels = new ConcurrentHashMap<>();

    ProdsmartChangeFeed(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    void enqueue(String channel, ChannelType type, List<JsonNode> items) {
        LinkedHashMap<String, Change> stack = stack(channel);
        synchronized (stack) {
            Instant now = clock.instant();
            for (JsonNode item : items) {
                String key = type.keyOf(item);
                stack.remove(key);
                stack.put(key, new Change(item, now));
            }
        }
    }

    /** Removes and returns up to {@code max} changes, oldest first; what is older than the retention is gone. */
    List<JsonNode> take(String channel, int max) {
        LinkedHashMap<String, Change> stack = stack(channel);
        List<JsonNode> taken = new ArrayList<>();
        synchronized (stack) {
            Instant now = clock.instant();
            Iterator<Change> changes = stack.values().iterator();
            while (changes.hasNext() && taken.size() < max) {
                Change change = changes.next();
                changes.remove();
                if (change.keptAt(now, retention)) {
                    taken.add(change.item());
                }
            }
        }
        return taken;
    }

    /** The changes a read could still return: those older than the retention are gone, read or not. */
    int pending(String channel) {
        LinkedHashMap<String, Change> stack = stack(channel);
        synchronized (stack) {
            Instant now = clock.instant();
            return (int) stack.values().stream().filter(change -> change.keptAt(now, retention)).count();
        }
    }

    private LinkedHashMap<String, Change> stack(String channel) {
        return channels.computeIfAbsent(channel, name -> new LinkedHashMap<>());
    }

    void reset() {
        channels.clear();
    }
}
