package com.crossdock.paqtana.json;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

import com.crossdock.paqtana.client.JsonPayload;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A {@code {"data":[row, ...]}} body written with Jackson's streaming generator. Its size is measured first by
 * writing it to a counting sink; then each subscription streams it into ~64 KB buffers, so even a body near
 * Paqtana's 32 MB limit is never held as one string or array.
 */
public final class JsonRowsPayload<R> implements JsonPayload {

    /** {@code {"data":[} and {@code ]}} around the rows. */
    public static final int ENVELOPE_BYTES = "{\"data\":[]}".length();
    static final int BUFFER_BYTES = 64 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    private final List<R> rows;
    private final RowWriter<R> writer;
    private final long sizeBytes;

    private JsonRowsPayload(List<R> rows, RowWriter<R> writer, long sizeBytes) {
        this.rows = rows;
        this.writer = writer;
        this.sizeBytes = sizeBytes;
    }

    public static <R> JsonRowsPayload<R> of(List<R> rows, RowWriter<R> writer) {
        ByteCounter counter = new ByteCounter();
        try (JsonGenerator generator = FACTORY.createGenerator(counter)) {
            generator.writeStartObject();
            generator.writeArrayPropertyStart("data");
            rows.forEach(row -> writer.write(generator, row));
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return new JsonRowsPayload<>(List.copyOf(rows), writer, counter.count());
    }

    /** The bytes {@code row} takes inside the {@code data} array, without the comma between rows. */
    public static <R> long sizeOf(R row, RowWriter<R> writer) {
        ByteCounter counter = new ByteCounter();
        try (JsonGenerator generator = FACTORY.createGenerator(counter)) {
            writer.write(generator, row);
        }
        return counter.count();
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    public List<R> rows() {
        return rows;
    }

    @Override
    public Flux<DataBuffer> content(DataBufferFactory factory) {
        return Flux.generate(() -> new Session<>(rows.iterator(), writer),
                (Session<R> session, SynchronousSink<DataBuffer> sink) -> session.next(factory, sink),
                Session::close);
    }

    /** One streaming of the body: a generator whose output moves from one buffer to the next. */
    private static final class Session<R> {

        private final SwitchableOutputStream out = new SwitchableOutputStream();
        private final JsonGenerator generator = FACTORY.createGenerator(out);
        private final Iterator<R> rows;
        private final RowWriter<R> writer;
        private boolean started;
        private boolean finished;

        Session(Iterator<R> rows, RowWriter<R> writer) {
            this.rows = rows;
            this.writer = writer;
        }

        Session<R> next(DataBufferFactory factory, SynchronousSink<DataBuffer> sink) {
            if (finished) {
                sink.complete();
                return this;
            }
            DataBuffer buffer = factory.allocateBuffer(BUFFER_BYTES);
            try {
                out.target(buffer.asOutputStream());
                fill(buffer);
                out.target(OutputStream.nullOutputStream());
            } catch (RuntimeException e) {
                DataBufferUtils.release(buffer);
                throw e;
            }
            sink.next(buffer);
            return this;
        }

        private void fill(DataBuffer buffer) {
            if (!started) {
                generator.writeStartObject();
                generator.writeArrayPropertyStart("data");
                started = true;
            }
            while (rows.hasNext() && buffer.readableByteCount() < BUFFER_BYTES) {
                writer.write(generator, rows.next());
                generator.flush();
            }
            if (!rows.hasNext()) {
                generator.writeEndArray();
                generator.writeEndObject();
                generator.flush();
                finished = true;
            }
        }

        void close() {
            out.target(OutputStream.nullOutputStream());
            generator.close();
        }
    }
}
