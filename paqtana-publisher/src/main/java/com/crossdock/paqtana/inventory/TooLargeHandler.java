package com.crossdock.paqtana.inventory;

import com.crossdock.paqtana.client.PayloadTooLargeException;
import reactor.core.publisher.Mono;

/** What happens to a master inventory that Paqtana's request limit forbids sending. */
@FunctionalInterface
interface TooLargeHandler {

    Mono<Void> tooLarge(PayloadTooLargeException failure, int rows);
}
