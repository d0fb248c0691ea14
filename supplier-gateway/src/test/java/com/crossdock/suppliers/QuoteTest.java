package com.crossdock.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.crossdock.testkit.SandboxControl.Fault;
import com.crossdock.testkit.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class QuoteTest extends GatewayTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @AfterEach
    void clearFaults() {
        SANDBOX.control().clearFaults();
    }

    @Test
    void quotesEverySupplierBestOfferFirstWithRangesAndCurrenciesAsStated() {
        Map<String, Object> quote = awaitAllOk();
        List<Map<String, Object>> offers = offers(quote);
        assertThat(offers).extracting(offer -> offer.get("supplier"))
                .containsExactly("busmarket", "elit", "intercars", "omega", "uniquetrade", "vesna");
        assertThat(offers).extracting(offer -> offer.get("status")).containsOnly("ok");
        Map<String, Object> vesna = offers.get(5);
        // EUR only: the price as stated, and converted because a rate source is configured (rates.EUR=45.10),
        // 423.94 UAH, which ranks it after Unique Trade's 420.00
        assertThat(vesna.get("price")).isEqualTo(Map.of("amount", 9.40, "currency", "EUR"));
        assertThat(vesna.get("converted")).isEqualTo(Map.of("amount", 423.94, "currency", "UAH", "rate", 45.10));
        assertThat(offers.get(0)).doesNotContainKey("converted");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> branches = (List<Map<String, Object>>) vesna.get("availability");
        assertThat(branches).anySatisfy(branch -> {
            assertThat(branch.get("branch")).isEqualTo("Вінниця");
            @SuppressWarnings("unchecked")
            Map<String, Object> quantity = (Map<String, Object>) branch.get("quantity");
            assertThat(quantity).containsEntry("stated", ">10").containsEntry("min", 10)
                    .containsEntry("minExclusive", true).containsEntry("max", null);
        });
    }

    @Test
    void answersWithinTheDeadlineWhenOneSupplierIsSlowAndOneFails() {
        awaitAllOk();
        SANDBOX.control().fault("suppliers/elit", Fault.latency(Duration.ofSeconds(5)));
        SANDBOX.control().fault("suppliers/omega", Fault.status(503));
        long start = System.nanoTime();
        Map<String, Object> quote = quote("OC90", 2);
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(tookMs).as("the answer waited no longer than the deadline (1.5 s) and a margin").isLessThan(2_500);
        Map<String, Object> statuses = statuses(quote);
        assertThat(statuses).containsEntry("elit", "timeout").containsEntry("omega", "error")
                .containsEntry("busmarket", "ok").containsEntry("intercars", "ok").containsEntry("uniquetrade", "ok")
                .containsEntry("vesna", "ok");
        // the ones that answered come first
        assertThat(offers(quote).get(0).get("supplier")).isEqualTo("busmarket");
    }

    @Test
    void aPriceThatArrivedIsAnsweredAtTheDeadlineWithoutTheAvailabilityStillAwaited() {
        awaitAllOk();
        // only Elit's stock call is late: its price is in long before the deadline
        SANDBOX.control().fault("suppliers/elit/api/v1/stock", Fault.latency(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        Map<String, Object> quote = quote("OC90", 2);
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(tookMs).as("the answer waited no longer than the deadline (1.5 s) and a margin").isLessThan(2_500);
        assertThat(statuses(quote)).containsOnly(Map.entry("busmarket", "ok"), Map.entry("elit", "ok"),
                Map.entry("intercars", "ok"), Map.entry("omega", "ok"), Map.entry("uniquetrade", "ok"),
                Map.entry("vesna", "ok"));
        Map<String, Object> elit = offers(quote).stream().filter(offer -> offer.get("supplier").equals("elit"))
                .findFirst().orElseThrow();
        assertThat(elit).containsKey("price").doesNotContainKey("availability");
        assertThat(offers(quote)).filteredOn(offer -> !offer.get("supplier").equals("elit"))
                .allSatisfy(offer -> assertThat(offer).containsKey("availability"));
    }

    @Test
    void concurrentQuotesEachAnswerWithinTheDeadlineWhateverTheSlowSupplierDoes() {
        awaitAllOk();
        // far slower than the deadline and the margin together: a quote that waited for Elit would show
        SANDBOX.control().fault("suppliers/elit", Fault.latency(Duration.ofSeconds(15)));
        // six at once (a thread each): each supplier's calls stay within its bulkhead of 16 (price and availability)
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Long>> quotes = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Map<String, Object> quote = quote("OC90", 2);
                // a partial answer: Elit not waited for (its breaker may open on the first attempts' timeouts, which
                // cuts it off sooner still); the others as the shared context left their breakers
                assertThat(statuses(quote)).hasSize(6).containsValue("ok").extractingByKey("elit")
                        .isIn("timeout", "breaker-open");
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }, callers)).toList();
            // the deadline (1.5 s) and a generous margin for a loaded machine, well short of Elit's 15 s
            assertThat(quotes).allSatisfy(took -> assertThat(took.join()).isLessThan(1_500 + 6_000));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBreakerOpensOnAFailingSupplierAndRecovers() {
        awaitAllOk();
        SANDBOX.control().fault("suppliers/uniquetrade", Fault.status(500));
        await().atMost(Timeouts.PATIENCE).untilAsserted(() ->
                assertThat(statuses(quote("GDB1330", 1))).containsEntry("uniquetrade", "breaker-open"));
        SANDBOX.control().clearFaults("suppliers/uniquetrade");
        await().atMost(Timeouts.PATIENCE).untilAsserted(() ->
                assertThat(statuses(quote("GDB1330", 1))).containsEntry("uniquetrade", "ok"));
    }

    @Test
    void availabilityAcrossSuppliersListsUnknownArticles() {
        awaitAllOk();
        List<Map<String, Object>> answer = web().get().uri("/availability?article=OC90&article=NOPE-1").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(answer).hasSize(6).allSatisfy(part -> {
            assertThat(part.get("status")).isEqualTo("ok");
            assertThat(part.get("unknown")).isEqualTo(List.of("NOPE-1"));
        });
    }

    @Test
    void aQuoteWithoutArticleIsAProblemNamingTheField() {
        web().get().uri("/quotes?qty=2").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("article");
    }

    private Map<String, Object> awaitAllOk() {
        Map<String, Object>[] last = new Map[1];
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> {
            last[0] = quote("OC90", 2);
            assertThat(statuses(last[0]).values()).as("%s", last[0]).containsOnly("ok");
        });
        return last[0];
    }

    private Map<String, Object> quote(String article, int qty) {
        return web().get().uri("/quotes?article={a}&qty={q}", article, qty).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> offers(Map<String, Object> quote) {
        return (List<Map<String, Object>>) quote.get("offers");
    }

    static Map<String, Object> statuses(Map<String, Object> quote) {
        Map<String, Object> statuses = new java.util.LinkedHashMap<>();
        offers(quote).forEach(offer -> statuses.put((String) offer.get("supplier"), offer.get("status")));
        return statuses;
    }
}
