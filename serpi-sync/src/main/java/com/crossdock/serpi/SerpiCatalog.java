package com.crossdock.serpi;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.vendor.serpi.SerpiArticle;

/**
 * SERPI's articles as last read, by code: which articles SERPI has (a write is a {@code PUT} with SERPI's id) and
 * which it lacks (a {@code POST}), and the base of each {@code PUT}. Fed by every read of {@code GET Articulo}; an
 * article this service created is "pending" until a read gives its id (SERPI's create answer names none).
 */
final class SerpiCatalog {

    private final Map<String, SerpiArticle> articles = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean complete;

    void read(SerpiArticle article) {
        articles.put(article.codigo(), article);
        pending.remove(article.codigo());
    }

    /** A full listing ended: it alone is SERPI's content (the articles it did not list are gone). */
    synchronized void listed(List<SerpiArticle> all) {
        Set<String> codes = new HashSet<>();
        all.forEach(article -> {
            read(article);
            codes.add(article.codigo());
        });
        articles.keySet().retainAll(codes);
        complete = true;
    }

    void created(String codigo) {
        pending.add(codigo);
    }

    /** Whether every article is known with its id: nothing read is missing, nothing created is unread. */
    boolean current() {
        return complete && pending.isEmpty();
    }

    boolean needsListing(Set<String> codes) {
        return !complete || codes.stream().anyMatch(pending::contains);
    }

    Optional<SerpiArticle> get(String codigo) {
        return Optional.ofNullable(articles.get(codigo));
    }
}
