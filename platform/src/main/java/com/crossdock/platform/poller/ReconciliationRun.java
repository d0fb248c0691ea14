package com.crossdock.platform.poller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reconciliation run, as its passes see it: its id (the correlation id of its events, the stem of their event
 * ids), when it started, and a tally of what it published by kind, with a few examples of each for the summary
 * log. What a page counts is published (to the metrics and the totals) once its records are saved.
 */
public final class ReconciliationRun {

    private static final int EXAMPLES = 10;

    private final String id;
    private final Instant startedAt;
    private final Map<String, Integer> totals = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> pending = new LinkedHashMap<>();

    ReconciliationRun(String id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** {@code count} items of {@code kind} on the page being read (e.g. {@code product}). */
    public void count(String kind, int count) {
        pending.merge(kind, count, Integer::sum);
    }

    /** One item of {@code kind}, named in the summary log among the first few (e.g. a product without stock). */
    public void count(String kind, String example) {
        count(kind, 1);
        List<String> named = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (named.size() < EXAMPLES) {
            named.add(example);
        }
    }

    /** The page's records are saved: what it counted is published. */
    void pageSaved(PollerMetrics metrics) {
        pending.forEach((kind, count) -> {
            totals.merge(kind, count, Integer::sum);
            metrics.reconciled(kind, count);
        });
        pending.clear();
    }

    /** {@code product=30, product-without-stock=2 [P3, P7], production-order=4} */
    String summary() {
        if (totals.isEmpty()) {
            return "nothing";
        }
        return totals.entrySet().stream().map(total -> total.getKey() + "=" + total.getValue()
                        + (examples.containsKey(total.getKey()) ? " " + examples.get(total.getKey()) : ""))
                .collect(Collectors.joining(", "));
    }
}
