package com.crossdock.sandbox.prodsmart;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The Prodsmart sandbox's control surface for tests and demos: make changes happen in Prodsmart
 * ({@code POST /prodsmart/_sandbox/changes/{channel}} with an item or an array: they join the channel's
 * feed and, for products, stock and production orders, the lists), expire every token, raise or lower
 * the rate limit, and see what is pending.
 */
@RestController
class ProdsmartFeedSandboxController {

    private final ProdsmartApiProperties properties;
    private final ProdsmartChangeFeed feed;
    private final ProdsmartResources resources;
    private final ProdsmartTokens tokens;
    private final ProdsmartRateLimit rateLimit;

    ProdsmartFeedSandboxController(ProdsmartApiProperties properties, ProdsmartChangeFeed feed,
                                   ProdsmartResources resources, ProdsmartTokens tokens, ProdsmartRateLimit rateLimit) {
        this.properties = properties;
        this.feed = feed;
        this.resources = resources;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
    }

    record RateLimitSetting(int limit, Duration period) {
    }

    @PostMapping("/prodsmart/_sandbox/changes/{channel}")
    ResponseEntity<Map<String, Object>> change(@PathVariable String channel, @RequestBody JsonNode body) {
        ChannelType type = properties.channels().get(channel);
        if (type == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no change channel named " + channel + "; channels: " + properties.channels());
        }
        List<JsonNode> items = body.isArray() ? body.valueStream().toList() : List.of(body);
        items.forEach(item -> resources.apply(type, item));
        feed.enqueue(channel, type, items);
        return ResponseEntity.accepted().body(Map.of("channel", channel, "type", type, "accepted", items.size(),
                "pending", feed.pending(channel)));
    }

    @PostMapping("/prodsmart/_sandbox/tokens/expire")
    ResponseEntity<Void> expireTokens() {
        tokens.expireAll();
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/prodsmart/_sandbox/rate-limit")
    RateLimitSetting setRateLimit(@RequestBody RateLimitSetting setting) {
        if (setting.limit() < 1 || setting.period() == null || setting.period().isZero()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit >= 1 and a period (e.g. \"PT1M\") required");
        }
        rateLimit.configure(setting.limit(), setting.period());
        return setting;
    }

    @GetMapping("/prodsmart/_sandbox/state")
    Map<String, Object> state() {
        Map<String, Integer> pending = new TreeMap<>();
        properties.channels().keySet().forEach(channel -> pending.put(channel, feed.pending(channel)));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pending", pending);
        state.put("tokensIssued", tokens.issuedTotal());
        state.put("requestsAdmitted", rateLimit.admittedTotal());
        state.put("requestsThrottled", rateLimit.throttledTotal());
        state.put("peakRequestsInWindow", rateLimit.peakInWindow());
        rateLimit.admittedSpan().ifPresent(span -> {
            state.put("firstAdmittedAt", span.first().toString());
            state.put("lastAdmittedAt", span.last().toString());
        });
        state.put("rateLimit", new RateLimitSetting(rateLimit.limit(), rateLimit.period()));
        return state;
    }
}
