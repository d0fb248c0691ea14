package com.crossdock.paqtana.inventory;

import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.platform.vendor.VendorCallException;
import reactor.core.publisher.Mono;

/** What happens to a push that can never be sent as it is: too large for Paqtana, or refused by it. */
public interface PushDeadLetters {

    /** A body over Paqtana's request limit, refused before sending. */
    Mono<Void> tooLarge(PayloadTooLargeException failure, int rows);

    /** Paqtana's 4xx (not 408/429): a permanent refusal of {@code operation} ({@code master_inventory}, ...). */
    Mono<Void> refused(String operation, VendorCallException failure, int rows);
}
