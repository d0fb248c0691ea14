package com.crossdock.serpi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import com.crossdock.platform.poller.Page;
import reactor.core.publisher.Mono;

/**
 * The one way serpi-sync pages through a SERPI list ({@code limite}/{@code pagina}): the articles and balances feeds,
 * the full pass and the writer's catalog. The page number is the cursor, and it moves only once a page is saved (the
 * poller kit's save-before-next-read).
 *
 * <p><b>The token is kept fed.</b> Once a page is asked for, the pages after it are asked for as the answers come,
 * independently of what this service does with them: each full answer asks for one more page, so that
 * {@link #IN_FLIGHT} requests are always out, one with SERPI and one waiting in the client's bulkhead of one, which
 * goes out the moment the token is free. At most {@link #AHEAD} pages are read and not yet taken; an answer that is
 * not a full page ({@code limite} records) ends the read there. The reads ahead go through the same client and its
 * bulkhead of one ("un mismo token no puede ser consumidos de manera simultanea", serpi-articulos-api.es.txt
 * "¿Cómo funciona?"): they never overlap another request, they only fill the time the service spends between two
 * (reading an answer, change detection, the Kafka save). The feeds take every page already answered at once
 * ({@link #fetchReady(int)}): the kit saves them as one batch, so a Kafka acknowledgement is waited for once per
 * batch, not once per page, while SERPI answers the next pages.
 *
 * <p>An answer is taken by the fetch of its page, and thrown away when the cursor did not get there (the save failed:
 * the page is read again, and nothing moved). The price of reading ahead: a read of more than one page ends with one
 * request past its last page (answered "no records", {@code code: 204}), thrown away; and while the kit pauses (the
 * lease, the spool), at most {@link #AHEAD} pages are read that wait for it. A page read ahead and taken later is
 * older than a fresh read would be; that is harmless: the feeds read within a window fixed at their first page, and
 * what changed since is in the next window, read again.
 *
 * <p>An answer is what the client gives ({@code A}: SERPI's answer as received and as read once, {@link
 * com.crossdock.platform.vendor.client.JsonAnswer}); {@code items} counts its records without reading it again.
 *
 * <p>One caller thread takes the pages (the kit calls a source, and runs a pass, from one thread); the answers arrive
 * on the client's threads.
 */
final class PagedRead<A> {

    /** Requests out at once: one with SERPI, one waiting in the bulkhead for the token. */
    static final int IN_FLIGHT = 2;
    /** Pages asked for and not yet taken, at most (the memory a read holds: this many SERPI answers). */
    static final int AHEAD = 10;

    private final IntFunction<Mono<A>> request;
    private final ToIntFunction<A> items;
    private final int pageSize;
    /** The pages asked for and not taken, consecutive, oldest first. */
    private final Deque<Ahead<A>> ahead = new ArrayDeque<>();
    private int page = 1;
    private int taken = 1;
    /** Which read the answers arriving belong to: a restart at another page ignores the earlier read's. */
    private int generation;
    /** The next page to ask for. */
    private int next = 1;
    /** A full answer arrived: the read goes on past the first page asked for, so pages are asked for ahead. */
    private boolean goesOn;
    /** An answer that is not a full page arrived: nothing past it is asked for. */
    private boolean ended;

    /**
     * @param request  the call for one page ({@code pagina}), not yet subscribed
     * @param items    how many records an answer holds (negative: unreadable)
     * @param pageSize {@code limite}: an answer this long is followed by another page
     */
    PagedRead(IntFunction<Mono<A>> request, ToIntFunction<A> items, int pageSize) {
        this.request = request;
        this.items = items;
        this.pageSize = pageSize;
    }

    /** Whether the next fetch starts a read at its first page. */
    boolean atStart() {
        return page == 1;
    }

    /** The cursor's page. */
    A fetch() {
        return fetchReady(1).get(0);
    }

    /** Page {@code pagina} (the full pass, which keeps its own cursor): read ahead, or asked for now. */
    A fetch(int pagina) {
        return take(pagina).answer();
    }

    /**
     * The cursor's page (waiting for it when it has not come yet), and after it every page already answered, while
     * the one before is full, {@code most} in all; {@link #saved(Page)} then moves the cursor past all of them.
     */
    List<A> fetchReady(int most) {
        List<A> answers = new ArrayList<>();
        A answer = take(page).answer();
        answers.add(answer);
        while (answers.size() < most && full(answer)) {
            Ahead<A> ready = takeIfAnswered(page + answers.size());
            if (ready == null) {
                break;
            }
            answer = ready.answer();
            answers.add(answer);
        }
        taken = answers.size();
        return answers;
    }

    /** Whether {@code answer} is a full page: more may follow. */
    boolean full(A answer) {
        return items.applyAsInt(answer) >= pageSize;
    }

    /**
     * The pages of the last fetch are saved: the cursor moves past them when the last was full, back to the first
     * page otherwise. True when the read ended.
     */
    boolean saved(Page saved) {
        page = saved.full() ? page + taken : 1;
        return !saved.full();
    }

    private synchronized Ahead<A> take(int pagina) {
        while (!ahead.isEmpty() && ahead.peekFirst().page() < pagina) {
            ahead.pollFirst();
        }
        if (ahead.isEmpty() || ahead.peekFirst().page() != pagina) {
            // a new read, or the cursor went back (a save failed): what was asked for is of other pages
            generation++;
            ahead.clear();
            ended = false;
            goesOn = false;
            next = pagina;
            ask();
        }
        Ahead<A> head = ahead.pollFirst();
        topUp();
        return head;
    }

    private synchronized Ahead<A> takeIfAnswered(int pagina) {
        Ahead<A> head = ahead.peekFirst();
        if (head == null || head.page() != pagina || !head.future().isDone() || head.future().isCompletedExceptionally()) {
            return null;
        }
        ahead.pollFirst();
        topUp();
        return head;
    }

    /** Asks for the next page; called holding the lock. */
    private void ask() {
        int gen = generation;
        Ahead<A> asked = new Ahead<>(next++, request.apply(next - 1).toFuture());
        ahead.addLast(asked);
        asked.future().whenComplete((answer, failed) -> answered(gen, answer, failed));
    }

    private synchronized void answered(int gen, A answer, Throwable failed) {
        if (gen != generation) {
            return;
        }
        if (failed != null || !full(answer)) {
            ended = true;
            return;
        }
        goesOn = true;
        topUp();
    }

    /**
     * Keeps {@link #IN_FLIGHT} requests out, within {@link #AHEAD} pages not taken, once a full answer showed that
     * the read goes on; called holding the lock.
     */
    private void topUp() {
        while (goesOn && !ended && ahead.size() < AHEAD
                && ahead.stream().filter(asked -> !asked.future().isDone()).count() < IN_FLIGHT) {
            ask();
        }
    }

    private record Ahead<A>(int page, CompletableFuture<A> future) {

        A answer() {
            try {
                return future.join();
            } catch (CompletionException failed) {
                // the call's own failure, as a call made now would throw it
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
    }
}
