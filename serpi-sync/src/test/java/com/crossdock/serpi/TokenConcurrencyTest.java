package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.crossdock.testkit.Timeouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Un mismo token no puede ser consumidos de manera simultanea": under load from every caller at once (the feed of
 * articles and balances, the writer's arrays, and eight more callers of the client), the sandbox never sees two
 * requests on the token at once: its count of refused concurrent uses stays 0.
 */
class TokenConcurrencyTest extends SyncTestSupport {

    @Autowired
    SerpiClient client;

    @Test
    void oneTokenIsNeverUsedByTwoRequestsAtOnceUnderLoad() {
        long servedBefore = SERPI.requestsServed();
        List<String> codes = IntStream.range(0, 24).mapToObj(i -> code("LOAD" + i)).toList();
        codes.forEach(code -> publishFromProdsmart(code, "Carga " + code, "RAW"));
        List<CompletableFuture<Void>> readers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    for (int page = 1; page <= 5; page++) {
                        client.articles(5, page, null, null).block();
                    }
                })).toList();

        await().atMost(Timeouts.PATIENCE).until(() -> codes.stream().allMatch(code -> SERPI.articles(code).size() == 1));
        readers.forEach(CompletableFuture::join);
        assertThat(SERPI.requestsServed() - servedBefore).isGreaterThan(40);
        assertThat(SERPI.concurrentRefused()).isZero();
    }
}
