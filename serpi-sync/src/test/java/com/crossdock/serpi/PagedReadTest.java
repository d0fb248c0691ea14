package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.poller.Page;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The one paging of serpi-sync: a full answer asks for more pages as it arrives (two requests out, at most ten pages
 * not taken), a short one ends the read, every page already answered is taken at once, the cursor moves past them
 * only once they are saved, and a page read ahead for a cursor that did not move (the save failed) is not used.
 * Pages answer when the test says so ({@link #answer}); "full" pages hold 100 records, the page size.
 */
class PagedReadTest {

    private final List<Integer> asked = new ArrayList<>();
    private final Map<Integer, Sinks.One<byte[]>> calls = new HashMap<>();
    private final PagedRead<byte[]> pages = new PagedRead<>(pagina -> Mono.defer(() -> {
        asked.add(pagina);
        return calls.computeIfAbsent(pagina, p -> Sinks.one()).asMono();
    }), answer -> Integer.parseInt(text(answer).split(" ")[2]), 100);

    @Test
    void aFullAnswerAsksForMoreAsItArrivesAndAShortOneEndsTheRead() {
        // page 1 is asked for alone: a read of one page asks for nothing more
        answer(1, 100);
        assertThat(text(pages.fetch())).isEqualTo("page 1 100");
        assertThat(asked).as("page 1 was full: two more out").containsExactly(1, 2, 3);
        answer(2, 100);
        assertThat(asked).as("page 2 came: one more, so two are out").containsExactly(1, 2, 3, 4);
        answer(3, 100);
        answer(4, 40);
        assertThat(asked).as("page 4 was short: nothing past page 5").containsExactly(1, 2, 3, 4, 5);
        answer(5, 0);
        assertThat(pages.saved(full())).isFalse();
        assertThat(pages.fetchReady(PagedRead.AHEAD)).as("every page answered, up to the short one, at once")
                .extracting(PagedReadTest::text).containsExactly("page 2 100", "page 3 100", "page 4 40");
        assertThat(pages.saved(new Page(List.of(), 240, false))).as("a short page ends the read").isTrue();
        assertThat(pages.atStart()).isTrue();
        calls.remove(1);
        answer(1, 3);
        assertThat(pages.fetchReady(PagedRead.AHEAD)).as("the next read starts at page 1 again").hasSize(1);
        assertThat(asked).containsExactly(1, 2, 3, 4, 5, 1);
    }

    @Test
    void aReadOfOnePageAsksForNothingMore() {
        answer(1, 7);
        assertThat(pages.fetchReady(PagedRead.AHEAD)).extracting(PagedReadTest::text).containsExactly("page 1 7");
        assertThat(asked).containsExactly(1);
    }

    @Test
    void atMostTenPagesAreReadAndNotTaken() {
        for (int pagina = 1; pagina <= 20; pagina++) {
            answer(pagina, 100);
        }
        pages.fetch();
        assertThat(asked).as("page 1 taken, pages 2 to 11 read ahead").hasSize(11);
        pages.saved(full());
        assertThat(pages.fetchReady(3)).as("at most what is asked for at once").hasSize(3);
        assertThat(asked).as("room for three more").hasSize(14);
    }

    @Test
    void aPageReadAheadIsNotUsedWhenTheCursorDidNotMove() {
        answer(1, 100);
        answer(2, 100);
        pages.fetch();
        // the save failed: saved() was not called, the kit asks for the same page again
        calls.remove(1);
        answer(1, 100);
        assertThat(text(pages.fetch())).isEqualTo("page 1 100");
        assertThat(asked.subList(0, 5)).as("page 1 asked for again").containsExactly(1, 2, 3, 4, 1);
    }

    @Test
    void theFullPassReadsAheadByPageNumber() {
        answer(1, 100);
        answer(2, 100);
        assertThat(text(pages.fetch(1))).isEqualTo("page 1 100");
        assertThat(text(pages.fetch(2))).isEqualTo("page 2 100");
        assertThat(asked).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aFailedReadAheadFailsTheFetchWithTheCallsOwnException() {
        answer(1, 100);
        pages.fetch();
        pages.saved(full());
        calls.get(2).tryEmitError(new IllegalStateException("SERPI said no"));
        assertThatThrownBy(() -> pages.fetchReady(PagedRead.AHEAD)).isInstanceOf(IllegalStateException.class)
                .hasMessage("SERPI said no");
    }

    private void answer(int pagina, int items) {
        calls.computeIfAbsent(pagina, p -> Sinks.one()).tryEmitValue(
                ("page " + pagina + " " + items).getBytes(StandardCharsets.UTF_8));
    }

    private static Page full() {
        return Page.of(List.of(), 100, 100);
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8);
    }
}
