package com.crossdock.platform.vendor;

import java.util.Optional;

/**
 * Reads a decoded 2xx body and says whether the vendor, despite the status, reported a failure.
 *
 * @param <T> the decoded body type
 */
@FunctionalInterface
public interface BodyFailureClassifier<T> {

    /** The failure the body reports, or empty when the body is a success. */
    Optional<BodyFailure> classify(T body);

    /** For vendors whose 2xx always means success. */
    static <T> BodyFailureClassifier<T> none() {
        return body -> Optional.empty();
    }
}
