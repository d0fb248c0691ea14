package com.crossdock.paqtana.json;

import tools.jackson.core.JsonGenerator;

/** Writes one row of a {@code {"data":[...]}} body as one JSON object. */
@FunctionalInterface
public interface RowWriter<R> {

    void write(JsonGenerator generator, R row);
}
