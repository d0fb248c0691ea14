package com.crossdock.platform.serde;

import java.util.List;

/**
 * Where the in-process registry keeps what it was told: a log of keyed JSON records (a schema version, a
 * compatibility setting), the last record of a key being its state and a {@code null} value its removal. Read
 * whole at start, appended to before each answer.
 */
interface SchemaStore extends AutoCloseable {

    /** A store that keeps nothing: the registry lives as long as its process. */
    SchemaStore IN_MEMORY = new SchemaStore() {
        @Override
        public List<Entry> readAll() {
            return List.of();
        }

        @Override
        public void append(String key, String value) {
        }

        @Override
        public void close() {
        }
    };

    /** Every record kept, oldest first. */
    List<Entry> readAll();

    /** Keeps a record durably before returning; {@code value} {@code null} removes the key. */
    void append(String key, String value);

    @Override
    void close();

    record Entry(String key, String value) {
    }
}
