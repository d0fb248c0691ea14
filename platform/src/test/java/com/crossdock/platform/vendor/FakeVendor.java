package com.crossdock.platform.vendor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** A real HTTP server on a free port that answers from a script and counts what it received. */
final class FakeVendor implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final DisposableServer server;
    private volatile Reply otherwise = Reply.of(200, "{\"ok\":true}");

    FakeVendor() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    /** Answers the next requests with {@code replies}, in order, then with the {@link #otherwise} reply. */
    FakeVendor replies(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    FakeVendor otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    int requests() {
        return arrivalNanos.size();
    }

    List<Long> arrivalNanos() {
        return List.copyOf(arrivalNanos);
    }

    /** The most requests the server ever had between arrival and answer. */
    int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        arrivalNanos.add(System.nanoTime());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Reply scripted = script.poll();
        Reply reply = scripted == null ? otherwise : scripted;
        return request.receive().then()
                .then(Mono.delay(reply.delay()))
                .then(Mono.defer(() -> {
                    // counted out before the answer is written, so a client never sees it while it counts
                    inFlight.decrementAndGet();
                    response.status(reply.status()).header("Content-Type", "application/json");
                    reply.headers().forEach(response::header);
                    return response.sendString(Mono.just(reply.body())).then();
                }));
    }
}
