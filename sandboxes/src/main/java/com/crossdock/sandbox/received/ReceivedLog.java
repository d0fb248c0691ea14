package com.crossdock.sandbox.received;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.crossdock.sandbox.Resettable;
import com.crossdock.sandbox.SandboxPaths;
import com.crossdock.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

/** The latest requests received by all vendor fakes, oldest first, bounded by {@code sandboxes.received-log-size}. */
@Component
public class ReceivedLog implements Resettable {

    private final int capacity;
    private final Deque<ReceivedRequest> entries = new ArrayDeque<>();

    public ReceivedLog(SandboxProperties properties) {
        this.capacity = Math.max(1, properties.receivedLogSize());
    }

    public synchronized void record(ReceivedRequest request) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    public synchronized List<ReceivedRequest> all() {
        return List.copyOf(entries);
    }

    /** The requests under one vendor prefix ("paqtana", "suppliers/omega"). */
    public synchronized List<ReceivedRequest> under(String vendor) {
        return entries.stream().filter(r -> SandboxPaths.isUnder(r.path(), vendor)).toList();
    }

    public synchronized void clear(String vendor) {
        entries.removeIf(r -> SandboxPaths.isUnder(r.path(), vendor));
    }

    @Override
    public synchronized void reset() {
        entries.clear();
    }
}
