package com.crossdock.paqtana.inventory;

import java.util.Set;

import com.crossdock.paqtana.view.ItemKey;
import reactor.core.publisher.Mono;

/** The items of the last master inventory Paqtana accepted, kept across restarts. */
interface LastSentItems {

    /** What was recorded, read once the view has caught up (so it holds what earlier runs recorded). */
    Set<ItemKey> read();

    /** Records that Paqtana now holds {@code after} instead of {@code before}. */
    Mono<Void> record(Set<ItemKey> before, Set<ItemKey> after);
}
