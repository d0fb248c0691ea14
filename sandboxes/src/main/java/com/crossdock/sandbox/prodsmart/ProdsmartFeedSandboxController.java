package com.crossdock.sandbox.prodsmart;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * Makes changes happen in Prodsmart, for tests and demos: {@code POST /prodsmart/_sandbox/changes/{channel}} with
 * an item or an array: they join the channel's feed and, for products, stock and production orders, the lists
 * ({@code ?expired=true}: the lists only, a change the feed has forgotten).
 * State, reset, token expiry and the rate limit are the kit's endpoints ({@link ProdsmartApiConfiguration}).
 */
@RestController
class ProdsmartFeedSandboxController {

    private final ProdsmartApiProperties properties;
    private final ProdsmartChangeFeed feed;
    private final ProdsmartResources resources;

    ProdsmartFeedSandboxController(ProdsmartApiProperties properties, ProdsmartChangeFeed feed,
                                   ProdsmartResources resources) {
        this.properties = properties;
        this.feed = feed;
        this.resources = resources;
    }

    /**
     * @param expired true: the change happened more than 24 hours ago and nobody read the feed meanwhile: the lists
     *                show it, the feed has forgotten it ("zmian wprowadzonych w ciągu ostatnich 24 godzin")
     */
    @PostMapping("/prodsmart/_sandbox/changes/{channel}")
    ResponseEntity<Map<String, Object>> change(@PathVariable String channel, @RequestBody JsonNode body,
                                               @RequestParam(defaultValue = "false") boolean expired) {
        ChannelType type = properties.channels().get(channel);
        if (type == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no change channel named " + channel + "; channels: " + properties.channels());
        }
        List<JsonNode> items = body.isArray() ? body.valueStream().toList() : List.of(body);
        items.forEach(item -> resources.apply(type, item));
        if (!expired) {
            feed.enqueue(channel, type, items);
        }
        return ResponseEntity.accepted().body(Map.of("channel", channel, "type", type, "accepted", items.size(),
                "pending", feed.pending(channel)));
    }
}
