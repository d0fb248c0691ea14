package com.crossdock.paqtana.view;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.crossdock.events.ArticleUpserted;

/** Article master data by code; a deleted article's items leave the master inventory. */
final class Articles {

    private final Map<String, Article> byCode = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();

    boolean apply(ArticleUpserted event) {
        if (event.getDeleted()) {
            return remove(event.getCode());
        }
        boolean undeleted = deleted.remove(event.getCode());
        Article before = byCode.put(event.getCode(), Article.of(event));
        return undeleted || !Objects.equals(before, byCode.get(event.getCode()));
    }

    /** A deletion, or a tombstone on the compacted article topic. */
    boolean remove(String code) {
        boolean known = byCode.remove(code) != null;
        return deleted.add(code) || known;
    }

    Article get(String code) {
        Article article = byCode.get(code);
        return article == null ? Article.unknown(code) : article;
    }

    boolean isDeleted(String code) {
        return deleted.contains(code);
    }

    Set<String> codes() {
        return byCode.keySet();
    }
}
