package com.crossdock.suppliers.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.suppliers.client.SupplierClient;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.Price;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Asks every enabled supplier at once, each through its own policy (timeout, bulkhead, circuit breaker of
 * {@code crossdock.vendors.<name>}), and answers at the deadline whatever the slowest does. Each supplier's part is
 * kept as it arrives; one timer per answer, on a thread that does nothing else ({@code quote-deadline}), fires at the
 * deadline and the answer is written from what has arrived: a supplier still silent then is {@code timeout} (a price
 * without its availability yet is {@code ok} without availability), one that failed is {@code error} or
 * {@code breaker-open}. The calls still under way are cancelled on another thread: the answer does not wait for that.
 * One supplier down never fails the whole answer.
 */
public final class QuoteService implements AutoCloseable {

    private final SupplierClients clients;
    private final GatewayProperties properties;
    private final Scheduler deadlines;

    public QuoteService(SupplierClients clients, GatewayProperties properties) {
        this.clients = clients;
        this.properties = properties;
        // the answers' deadline timers, and nothing else: a busy pool (retries' delays, the suppliers' own timeouts on
        // Reactor's parallel scheduler) never makes one late
        this.deadlines = Schedulers.newSingle("quote-deadline", true);
    }

    /** Stops the deadline timers' thread (Spring calls it when the context closes). */
    @Override
    public void close() {
        deadlines.dispose();
    }

    public Mono<Quote> quote(String article, BigDecimal quantity) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            List<SupplierClient> asked = List.copyOf(clients.all().values());
            return atDeadline(asked.stream().map(client -> offer(client, article, quantity, start)).toList(),
                    index -> Offer.failed(asked.get(index).name(), SupplierStatus.TIMEOUT, NO_ANSWER,
                            millisSince(start)))
                    .map(offers -> new Quote(article, quantity, properties.baseCurrency(),
                            properties.deadline().toMillis(), millisSince(start),
                            offers.stream().sorted(bestFirst()).toList()));
        });
    }

    /** The availability of each article at every enabled supplier that has the operation. */
    public Mono<List<SupplierStock>> availability(List<String> articles) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            List<SupplierClient> asked = List.copyOf(clients.all().values());
            return atDeadline(asked.stream().map(client -> stock(client, articles, start).flux()).toList(),
                    index -> SupplierStock.failed(asked.get(index).name(), SupplierStatus.TIMEOUT, NO_ANSWER,
                            millisSince(start)))
                    .map(answers -> answers.stream().sorted(Comparator.comparing(SupplierStock::status)
                            .thenComparing(SupplierStock::supplier)).toList());
        });
    }

    /**
     * Every part's latest value when all parts have completed, or at the deadline (less a margin for writing the
     * answer), whichever comes first; {@code missing} stands for a part that has given nothing by then. A part may
     * give a provisional value and a better one later (a price, then the price with its availability).
     */
    private <T> Mono<List<T>> atDeadline(List<Flux<T>> parts, IntFunction<T> missing) {
        AtomicReferenceArray<T> arrived = new AtomicReferenceArray<>(parts.size());
        Mono<Boolean> all = Flux.range(0, parts.size())
                .flatMap(index -> parts.get(index).doOnNext(value -> arrived.set(index, value)),
                        Math.max(1, parts.size()))
                .then(Mono.just(Boolean.TRUE))
                // the calls cut off by the deadline are cancelled (their connections closed) on another thread
                .cancelOn(Schedulers.parallel());
        Duration deadline = properties.deadline();
        Mono<Boolean> timer = Mono.delay(deadline.minusMillis(Math.min(20, deadline.toMillis() / 10)), deadlines)
                .thenReturn(Boolean.FALSE);
        return Mono.firstWithSignal(all, timer).map(complete -> IntStream.range(0, parts.size())
                .mapToObj(index -> {
                    T value = arrived.get(index);
                    return value != null ? value : missing.apply(index);
                })
                .toList());
    }

    private Mono<SupplierStock> stock(SupplierClient client, List<String> articles, long start) {
        if (!supports(client, Operation.AVAILABILITY)) {
            return Mono.just(SupplierStock.failed(client.name(), SupplierStatus.NOT_SUPPORTED,
                    client.name() + " has no availability", 0));
        }
        return client.availability(articles)
                .map(stock -> new SupplierStock(client.name(), SupplierStatus.OK, null, stock.items(),
                        stock.unknown(), millisSince(start)))
                .onErrorResume(failure -> Mono.just(SupplierStock.failed(client.name(),
                        SupplierStatus.of(failure), SupplierStatus.detail(failure), millisSince(start))));
    }

    /** What is known of one supplier's offer so far: its price, and its availability once answered (or failed). */
    private record Known(Price price, Optional<SupplierClient.Stock> stock) {

        static final Known NOTHING = new Known(null, null);
    }

    /**
     * One supplier's offer: as soon as its price is in (ok, without availability yet), then again with its availability
     * when that is in too; a failed price is its part's failure, a failed availability leaves the offer without one.
     */
    private Flux<Offer> offer(SupplierClient client, String article, BigDecimal quantity, long start) {
        if (!supports(client, Operation.PRICE)) {
            return Flux.just(Offer.failed(client.name(), SupplierStatus.NOT_SUPPORTED, client.name() + " has no price",
                    0));
        }
        Mono<UnaryOperator<Known>> stock = supports(client, Operation.AVAILABILITY)
                ? client.availability(List.of(article)).map(Optional::of)
                        .onErrorResume(failure -> Mono.just(Optional.empty()))
                        .map(answer -> known -> new Known(known.price(), answer))
                : Mono.just(known -> new Known(known.price(), Optional.empty()));
        Mono<UnaryOperator<Known>> price = client.price(article, quantity)
                .map(answer -> known -> new Known(answer, known.stock()));
        return Flux.merge(price, stock)
                .scan(Known.NOTHING, (known, update) -> update.apply(known))
                .filter(known -> known.price() != null)
                .map(known -> ok(client.name(), known.price(),
                        known.stock() == null ? null : known.stock().orElse(null), millisSince(start)))
                .onErrorResume(failure -> Mono.just(Offer.failed(client.name(), SupplierStatus.of(failure),
                        SupplierStatus.detail(failure), millisSince(start))));
    }

    private Offer ok(String supplier, Price price, SupplierClient.Stock stock, long elapsedMs) {
        BigDecimal rate = price.currency().equals(properties.baseCurrency()) ? null
                : properties.rates().get(price.currency());
        Offer.Money converted = rate == null ? null : new Offer.Money(price.amount().multiply(rate)
                .setScale(2, RoundingMode.HALF_UP), properties.baseCurrency(), rate);
        return new Offer(supplier, SupplierStatus.OK, null, new Offer.Money(price.amount(), price.currency(), null),
                converted, stock == null ? null : stock.items().stream().flatMap(item -> item.branches().stream()).toList(),
                stock == null || stock.unknown().isEmpty() ? null : stock.unknown(), elapsedMs);
    }

    private Comparator<Offer> bestFirst() {
        Function<Offer, BigDecimal> comparable = offer -> offer.status() != SupplierStatus.OK ? null
                : offer.converted() != null ? offer.converted().amount()
                : offer.price().currency().equals(properties.baseCurrency()) ? offer.price().amount() : null;
        return Comparator.<Offer>comparingInt(offer -> offer.status() == SupplierStatus.OK
                        ? comparable.apply(offer) != null ? 0 : 1
                        : offer.status() == SupplierStatus.NOT_SUPPORTED ? 3 : 2)
                .thenComparing(comparable, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Offer::supplier);
    }

    private boolean supports(SupplierClient client, Operation operation) {
        GatewayProperties.Account account = properties.accounts().get(client.name());
        return account != null && account.has(operation) && client.operations().contains(operation);
    }

    private static final String NO_ANSWER = "no answer within the deadline";

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
