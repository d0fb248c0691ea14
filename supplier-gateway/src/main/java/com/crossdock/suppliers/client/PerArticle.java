package com.crossdock.suppliers.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.crossdock.vendor.suppliers.Availability;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** For a supplier whose stock call takes one article: the articles asked one by one, their answers together. */
final class PerArticle {

    private record Answer(String article, Optional<Availability> found) {
    }

    private PerArticle() {
    }

    /** {@code call} answers an article's stock, or empty when the supplier does not know it. */
    static Mono<SupplierClient.Stock> stock(List<String> articles,
            Function<String, Mono<Optional<Availability>>> call) {
        return Flux.fromIterable(articles)
                .flatMapSequential(article -> call.apply(article).map(found -> new Answer(article, found)))
                .collectList()
                .map(answers -> {
                    List<Availability> items = new ArrayList<>();
                    List<String> unknown = new ArrayList<>();
                    answers.forEach(answer -> answer.found().ifPresentOrElse(items::add,
                            () -> unknown.add(answer.article())));
                    return new SupplierClient.Stock(items, unknown);
                });
    }

    /** An answer the supplier gives for an article it does not know (a 404 or 422): empty, not a failure. */
    static <T> Mono<Optional<T>> unknownOn(Mono<T> call, int... statuses) {
        return call.map(Optional::of).onErrorResume(com.crossdock.platform.vendor.VendorCallException.class,
                failure -> {
                    for (int status : statuses) {
                        if (failure.status() == status) {
                            return Mono.just(Optional.empty());
                        }
                    }
                    return Mono.error(failure);
                });
    }
}
