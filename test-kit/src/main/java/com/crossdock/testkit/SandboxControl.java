package com.crossdock.testkit;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A blocking client of the sandboxes' control endpoints (sandboxes/README.md), for tests: faults, every vendor's
 * state and reset, the received log, rate limits and token expiry, and the vendors' own controls (Prodsmart's
 * changes). It runs on the JDK's HTTP client, not on Netty, so it keeps working whatever event loops a test closes.
 */
public final class SandboxControl {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Received>> RECEIVED = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public SandboxControl(String baseUrl) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Timeouts.BLOCK).build());
        requests.setReadTimeout(Timeouts.BLOCK);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /**
     * A fault for the next requests to one vendor prefix ({@code POST /_sandbox/faults/<vendor>}).
     *
     * @param status            the status answered instead of the vendor; null = latency only
     * @param count             how many requests; null = until cleared
     * @param latencyMs         delay before answering; null = none
     * @param retryAfterSeconds sent as {@code Retry-After}; null = none
     * @param body              the JSON body of the fault answer; null = the sandbox's default
     * @param servedFirst       the vendor serves the request first, then the fault applies to its answer
     */
    public record Fault(Integer status, Integer count, Long latencyMs, Integer retryAfterSeconds, Object body,
                        boolean servedFirst) {

        /** Every request answered {@code status} until cleared. */
        public static Fault status(int status) {
            return new Fault(status, null, null, null, null, false);
        }

        /** Every request delayed by {@code latency}, then answered normally, until cleared. */
        public static Fault latency(Duration latency) {
            return new Fault(null, null, latency.toMillis(), null, null, false);
        }

        public Fault times(int requests) {
            return new Fault(status, requests, latencyMs, retryAfterSeconds, body, servedFirst);
        }

        public Fault retryAfter(Duration wait) {
            return new Fault(status, count, latencyMs, Math.toIntExact(wait.toSeconds()), body, servedFirst);
        }

        public Fault withBody(Object answer) {
            return new Fault(status, count, latencyMs, retryAfterSeconds, answer, servedFirst);
        }

        /**
         * The vendor serves the request (a change feed removes what it answers), then the fault applies to the answer:
         * its latency delays it, its status replaces it.
         */
        public Fault afterServing() {
            return new Fault(status, count, latencyMs, retryAfterSeconds, body, true);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", status);
            json.put("count", count);
            json.put("latencyMs", latencyMs);
            json.put("retryAfterSeconds", retryAfterSeconds);
            json.put("body", body);
            json.put("afterServing", servedFirst);
            return json;
        }
    }

    /**
     * One request a vendor fake received, as {@code GET /<vendor>/_sandbox/received} lists it; {@code traceparent} is
     * its W3C trace context header, null without one.
     */
    public record Received(String method, String path, String query, int status, long bodyBytes, Instant receivedAt,
                           long durationMs, boolean faulted, String traceparent) {
    }

    public void fault(String vendor, Fault fault) {
        http.post().uri("/_sandbox/faults/" + vendor).contentType(MediaType.APPLICATION_JSON).body(fault.json())
                .retrieve().toBodilessEntity();
    }

    public void clearFaults(String vendor) {
        http.delete().uri("/_sandbox/faults/" + vendor).retrieve().toBodilessEntity();
    }

    public void clearFaults() {
        http.delete().uri("/_sandbox/faults").retrieve().toBodilessEntity();
    }

    /** {@code GET /<vendor>/_sandbox/state}, as JSON maps, lists, strings and numbers. */
    public Map<String, Object> state(String vendor) {
        return http.get().uri("/" + vendor + "/_sandbox/state").retrieve().body(MAP);
    }

    /** Forgets the vendor's state and its part of the received log; faults stay. */
    public void reset(String vendor) {
        http.delete().uri("/" + vendor + "/_sandbox").retrieve().toBodilessEntity();
    }

    /** Forgets everything every sandbox holds: state, received log, faults. */
    public void resetAll() {
        http.delete().uri("/_sandbox").retrieve().toBodilessEntity();
    }

    /** The latest requests the vendor received, oldest first. */
    public List<Received> received(String vendor) {
        return http.get().uri("/" + vendor + "/_sandbox/received").retrieve().body(RECEIVED);
    }

    /** Any read-only inspection endpoint, e.g. {@code /paqtana/_sandbox/orgs/demo/master_inventory}. */
    public JsonNode get(String path) {
        return http.get().uri(path).retrieve().body(JsonNode.class);
    }

    /** Sets the vendor's rate limit until its next reset ({@code PUT /<vendor>/_sandbox/rate-limit}). */
    public void rateLimit(String vendor, int limit, Duration period) {
        http.put().uri("/" + vendor + "/_sandbox/rate-limit").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("limit", limit, "period", period.toString())).retrieve().toBodilessEntity();
    }

    /** Ends every token the vendor has issued, as if their lifetime had passed. */
    public void expireTokens(String vendor) {
        http.post().uri("/" + vendor + "/_sandbox/tokens/expire").retrieve().toBodilessEntity();
    }

    /** Prodsmart's own controls. */
    public Prodsmart prodsmart() {
        return new Prodsmart();
    }

    /** The Prodsmart fake's change feeds: make changes happen, see what a channel still holds. */
    public final class Prodsmart {

        private static final String PREFIX = "prodsmart";

        private Prodsmart() {
        }

        /** Items changed in Prodsmart: they join the channel's feed and the lists ({@code POST /prodsmart/_sandbox/changes/{channel}}). */
        public void change(String channel, Object items) {
            http.post().uri("/prodsmart/_sandbox/changes/{channel}", channel).contentType(MediaType.APPLICATION_JSON)
                    .body(items).retrieve().toBodilessEntity();
        }

        /**
         * Items changed in Prodsmart more than 24 hours ago while nobody read the feed: the lists show them, the feed
         * has forgotten them ({@code ?expired=true}); only a reconciliation can see them.
         */
        public void changeExpired(String channel, Object items) {
            http.post().uri("/prodsmart/_sandbox/changes/{channel}?expired=true", channel)
                    .contentType(MediaType.APPLICATION_JSON).body(items).retrieve().toBodilessEntity();
        }

        /** How many changes the channel still holds for a reader. */
        public int pending(String channel) {
            Object pending = ((Map<?, ?>) state().get("pending")).get(channel);
            return pending == null ? 0 : ((Number) pending).intValue();
        }

        public Map<String, Object> state() {
            return SandboxControl.this.state(PREFIX);
        }
    }
}
