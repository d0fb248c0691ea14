package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Totals per key over many contributors (orders), each contributor replaced as a whole by its latest version.
 * Exact decimal arithmetic, so replacing a contributor many times never drifts; a key whose total is zero is
 * dropped.
 */
final class TotalsIndex<K> {

    private final Map<String, Map<K, BigDecimal>> contributions = new HashMap<>();
    private final Map<K, BigDecimal> totals = new HashMap<>();
    /** Every key any contributor ever added to: a key not among the current ones left by a replacement. */
    private final Set<K> everKeys = new HashSet<>();

    /** Replaces what {@code contributor} adds to each key; true when any total changed. */
    boolean replace(String contributor, Map<K, BigDecimal> next) {
        Map<K, BigDecimal> previous = next.isEmpty() ? contributions.remove(contributor)
                : contributions.put(contributor, Map.copyOf(next));
        everKeys.addAll(next.keySet());
        Map<K, BigDecimal> delta = new HashMap<>(next);
        if (previous != null) {
            previous.forEach((key, quantity) -> delta.merge(key, quantity.negate(), BigDecimal::add));
        }
        boolean changed = false;
        for (Map.Entry<K, BigDecimal> entry : delta.entrySet()) {
            if (entry.getValue().signum() != 0) {
                changed = true;
                BigDecimal total = totals.getOrDefault(entry.getKey(), BigDecimal.ZERO).add(entry.getValue());
                if (total.signum() == 0) {
                    totals.remove(entry.getKey());
                } else {
                    totals.put(entry.getKey(), total);
                }
            }
        }
        return changed;
    }

    BigDecimal total(K key) {
        return totals.getOrDefault(key, BigDecimal.ZERO);
    }

    Set<K> keys() {
        return totals.keySet();
    }

    boolean everHad(K key) {
        return everKeys.contains(key);
    }

    /** Forgets the keys {@code gone} accepts: their totals, and every contributor left with no other key. */
    void forget(Predicate<K> gone) {
        totals.keySet().removeIf(gone);
        everKeys.removeIf(gone);
        Iterator<Map.Entry<String, Map<K, BigDecimal>>> each = contributions.entrySet().iterator();
        while (each.hasNext()) {
            Map.Entry<String, Map<K, BigDecimal>> contribution = each.next();
            if (contribution.getValue().keySet().stream().anyMatch(gone)) {
                Map<K, BigDecimal> kept = new HashMap<>(contribution.getValue());
                kept.keySet().removeIf(gone);
                if (kept.isEmpty()) {
                    each.remove();
                } else {
                    contribution.setValue(Map.copyOf(kept));
                }
            }
        }
    }

    int contributors() {
        return contributions.size();
    }

    Set<K> keysOf(String contributor) {
        return contributions.getOrDefault(contributor, Map.of()).keySet();
    }
}
