package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.poller.Page;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The one paging of serpi-sync: the cursor moves only when a page is saved, the next page is asked for while a full
 * one is saved and taken when the cursor gets there, and a page read ahead for a cursor that did not move (the save
 * failed) is not used: that page is read again.
 */
class PagedReadTest {

    private final List<Integer> asked = new ArrayList<>();
    private final PagedRead pages = new PagedRead(pagina -> Mono.fromCallable(() -> {
        asked.add(pagina);
        return ("page " + pagina).getBytes(StandardCharsets.UTF_8);
    }));

    @Test
    void theNextPageIsAskedForWhileAFullOneIsSavedAndTakenOnceTheCursorMoves() {
        assertThat(pages.atStart()).isTrue();
        assertThat(text(pages.fetch())).isEqualTo("page 1");
        pages.readAhead(full());
        assertThat(asked).as("page 2 asked for before page 1 is saved").containsExactly(1, 2);
        assertThat(pages.saved(full())).isFalse();
        assertThat(text(pages.fetch())).isEqualTo("page 2");
        assertThat(asked).as("page 2 not asked for twice").containsExactly(1, 2);
        pages.readAhead(last());
        assertThat(pages.saved(last())).as("a short page ends the read").isTrue();
        assertThat(asked).as("nothing read ahead after a short page").containsExactly(1, 2);
        assertThat(pages.atStart()).isTrue();
    }

    @Test
    void aPageReadAheadIsNotUsedWhenTheCursorDidNotMove() {
        pages.fetch();
        pages.readAhead(full());
        // the save failed: saved() was not called, the kit asks for the same page again
        assertThat(text(pages.fetch())).isEqualTo("page 1");
        assertThat(asked).containsExactly(1, 2, 1);
    }

    @Test
    void theFullPassReadsAheadByPageNumber() {
        assertThat(text(pages.fetch(1))).isEqualTo("page 1");
        pages.readAhead(1, full());
        assertThat(text(pages.fetch(2))).isEqualTo("page 2");
        assertThat(asked).containsExactly(1, 2);
    }

    @Test
    void aFailedReadAheadFailsTheFetchWithTheCallsOwnException() {
        PagedRead failing = new PagedRead(pagina -> pagina == 2
                ? Mono.error(new IllegalStateException("SERPI said no")) : Mono.just(new byte[0]));
        failing.fetch();
        failing.readAhead(full());
        failing.saved(full());
        assertThatThrownBy(failing::fetch).isInstanceOf(IllegalStateException.class).hasMessage("SERPI said no");
    }

    private static Page full() {
        return Page.of(List.of(), 100, 100);
    }

    private static Page last() {
        return Page.of(List.of(), 7, 100);
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8);
    }
}
