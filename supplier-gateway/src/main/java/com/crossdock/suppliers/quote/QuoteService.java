package com.crossdock.suppliers.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.suppliers.client.SupplierClient;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.Price;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every enabled supplier at once, each through its own policy (timeout, bulkhead, circuit breaker of
 * {@code crossdock.vendors.<name>}), and answers within the deadline whatever the slowest does: a supplier still
 * silent then is {@code timeout}, one that fails is {@code error} or {@code breaker-open}, and the others are answered.
 * One supplier down never fails the whole answer.
 */
public final class QuoteService {

    private final SupplierClients clients;
    private final GatewayProperties properties;

    public QuoteService(SupplierClients clients, GatewayProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    public Mono<Quote> quote(String article, BigDecimal quantity) {
        long start = System.nanoTime();
        return Flux.fromIterable(clients.all().values())
                .flatMap(client -> offer(client, article, quantity))
                .collectList()
                .map(offers -> new Quote(article, quantity, properties.baseCurrency(), properties.deadline().toMillis(),
                        millisSince(start), offers.stream().sorted(bestFirst()).toList()));
    }

    /** The availability of each article at every enabled supplier that has the operation. */
    public Mono<List<SupplierStock>> availability(List<String> articles) {
        return Flux.fromIterable(clients.all().values())
                .flatMap(client -> {
                    long start = System.nanoTime();
                    if (!supports(client, Operation.AVAILABILITY)) {
                        return Mono.just(SupplierStock.failed(client.name(), SupplierStatus.NOT_SUPPORTED,
                                client.name() + " has no availability", 0));
                    }
                    return bounded(client.availability(articles))
                            .map(stock -> new SupplierStock(client.name(), SupplierStatus.OK, null, stock.items(),
                                    stock.unknown(), millisSince(start)))
                            .onErrorResume(failure -> Mono.just(SupplierStock.failed(client.name(),
                                    SupplierStatus.of(failure), SupplierStatus.detail(failure), millisSince(start))));
                })
                .collectList()
                .map(answers -> answers.stream().sorted(Comparator.comparing(SupplierStock::status)
                        .thenComparing(SupplierStock::supplier)).toList());
    }

    private Mono<Offer> offer(SupplierClient client, String article, BigDecimal quantity) {
        long start = System.nanoTime();
        if (!supports(client, Operation.PRICE)) {
            return Mono.just(Offer.failed(client.name(), SupplierStatus.NOT_SUPPORTED, client.name() + " has no price", 0));
        }
        Mono<SupplierClient.Stock> stock = supports(client, Operation.AVAILABILITY)
                ? bounded(client.availability(List.of(article))).onErrorResume(failure -> Mono.empty())
                : Mono.empty();
        return bounded(client.price(article, quantity))
                .zipWith(stock.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(answer -> ok(client.name(), answer.getT1(), answer.getT2().orElse(null), millisSince(start)))
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

    /** Each supplier's call held to the answer's deadline, a little less so that the answer itself makes it. */
    private <T> Mono<T> bounded(Mono<T> call) {
        Duration deadline = properties.deadline();
        return call.timeout(deadline.minusMillis(Math.min(20, deadline.toMillis() / 10)));
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

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
