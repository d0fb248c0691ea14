package com.crossdock.platform.error;

import java.util.Optional;

/**
 * The one walk down a failure's cause chain: a Kafka send, a vendor call or a deserializer wraps the failure that
 * decides what to do (set aside, pause, wait) in exceptions of its own.
 */
public final class Causes {

    /** A cause chain longer than this is cut (a cycle, or a chain no library builds). */
    private static final int MAX_DEPTH = 64;

    private Causes() {
    }

    /** The first cause in {@code failure}'s chain (itself included) of one of {@code types}. */
    public static Optional<Throwable> find(Throwable failure, Class<?>... types) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            for (Class<?> type : types) {
                if (type.isInstance(cause)) {
                    return Optional.of(cause);
                }
            }
        }
        return Optional.empty();
    }

    /** The first cause in {@code failure}'s chain (itself included) of {@code type}, as that type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return find(failure, new Class<?>[] {type}).map(type::cast);
    }

    /** Whether {@code failure}'s chain (itself included) holds a cause of one of {@code types}. */
    public static boolean has(Throwable failure, Class<?>... types) {
        return find(failure, types).isPresent();
    }
}
