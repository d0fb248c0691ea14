package com.crossdock.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server on a free port that answers from a script, counts what it received and keeps each
 * request (method, path and query, headers, body) for assertions. It runs on an event loop of its own, so a
 * Spring context closing in the same JVM (which disposes Reactor's global loops) does not stop it.
 */
public final class FakeVendor implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        public static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    /** One request as it arrived; header names in lower case. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {

        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Reply>> scriptByPath = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final List<Instant> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LoopResources loops = LoopResources.create("fake-vendor", 1, true);
    private final DisposableServer server;
    private volatile Reply otherwise = Reply.of(200, "{\"ok\":true}");

    public FakeVendor() {
        server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    /** Answers the next requests with {@code replies}, in order, then with the {@link #otherwise} reply. */
    public FakeVendor replies(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers the next requests to {@code path} with {@code replies}, before the general script. */
    public FakeVendor replies(String path, Reply... replies) {
        scriptByPath.computeIfAbsent(path, any -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
        return this;
    }

    public FakeVendor otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int requests() {
        return arrivalNanos.size();
    }

    public List<Long> arrivalNanos() {
        return List.copyOf(arrivalNanos);
    }

    /** The wall-clock time each request arrived, for rules stated in wall-clock time (a vendor's "blocked until"). */
    public List<Instant> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Every request so far, in the order they arrived. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to {@code path}. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The most requests the server ever had between arrival and answer. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        arrivalNanos.add(System.nanoTime());
        arrivals.add(Instant.now());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Queue<Reply> forPath = scriptByPath.get(new Received("", request.uri(), Map.of(), "").path());
        Reply scripted = forPath == null || forPath.isEmpty() ? script.poll() : forPath.poll();
        Reply reply = scripted == null ? otherwise : scripted;
        Map<String, String> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(header -> headers.merge(header.getKey().toLowerCase(Locale.ROOT),
                header.getValue(), (first, more) -> first + "," + more));
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .doOnNext(body -> received.add(new Received(request.method().name(), request.uri(), headers, body)))
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
