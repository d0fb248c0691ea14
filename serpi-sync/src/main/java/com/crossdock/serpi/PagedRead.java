package com.crossdock.serpi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

import com.crossdock.platform.poller.Page;
import reactor.core.publisher.Mono;

/**
 * The one way serpi-sync pages through a SERPI list ({@code limite}/{@code pagina}): the articles and balances feeds,
 * the full pass and the writer's catalog. The page number is the cursor, and it moves only once a page is saved (the
 * poller kit's save-before-next-read). While a full page is being saved, the next page is already asked for
 * ({@link #readAhead(int, Page)}), so the token does not wait for Kafka between two reads; the answer is taken by the
 * next {@link #fetch(int)} of that page, and thrown away when the cursor did not get there (the save failed: the page
 * is read again, and nothing moved). The read ahead goes through the same client and its bulkhead of one ("un mismo
 * token no puede ser consumidos de manera simultanea", serpi-articulos-api.es.txt "¿Cómo funciona?"): it never
 * overlaps another request, it only fills the time the service spends between two.
 *
 * <p>A page read ahead and taken later (after a pause for the lease or the spool) is older than a fresh read would be;
 * that is harmless: the feeds read within a window fixed at their first page, and what changed since is in the next
 * window, read again.
 *
 * <p>Not thread-safe: one instance per caller thread (the kit calls a source, and runs a pass, from one thread).
 */
final class PagedRead {

    private final IntFunction<Mono<byte[]>> request;
    private int page = 1;
    private Ahead ahead;

    /** @param request the call for one page ({@code pagina}), not yet subscribed */
    PagedRead(IntFunction<Mono<byte[]>> request) {
        this.request = request;
    }

    /** Whether the next {@link #fetch()} starts a read at its first page. */
    boolean atStart() {
        return page == 1;
    }

    /** The cursor's page. */
    byte[] fetch() {
        return fetch(page);
    }

    /** Page {@code pagina}: the answer read ahead when there is one for it, else asked for now. */
    byte[] fetch(int pagina) {
        Ahead next = ahead;
        ahead = null;
        if (next != null && next.page() == pagina) {
            return next.answer();
        }
        return request.apply(pagina).block();
    }

    /** The cursor's page was read as {@code read}: when it is full, the next page is asked for now. */
    void readAhead(Page read) {
        readAhead(page, read);
    }

    /** Page {@code pagina} was read as {@code read}: when it is full, page {@code pagina + 1} is asked for now. */
    void readAhead(int pagina, Page read) {
        ahead = read.full() ? new Ahead(pagina + 1, request.apply(pagina + 1).toFuture()) : null;
    }

    /** The cursor's page is saved: the cursor moves past it. True when it was the read's last page. */
    boolean saved(Page saved) {
        page = saved.full() ? page + 1 : 1;
        return !saved.full();
    }

    private record Ahead(int page, CompletableFuture<byte[]> future) {

        byte[] answer() {
            try {
                return future.join();
            } catch (CompletionException failed) {
                // the call's own failure, as a call made now would throw it
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
    }
}
