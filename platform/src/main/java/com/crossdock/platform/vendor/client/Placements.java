package com.crossdock.platform.vendor.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** Where a credential goes on a request: a header (replacing any of that name), or a query parameter. */
final class Placements {

    private Placements() {
    }

    static ClientRequest header(ClientRequest request, String name, String value) {
        return ClientRequest.from(request).headers(headers -> headers.set(name, value)).build();
    }

    /**
     * The URL is already encoded, so only the added value is, strictly: a token's '+', '/' or '=' would
     * otherwise reach the vendor as a space or a separator.
     */
    static ClientRequest query(ClientRequest request, String parameter, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return ClientRequest.from(request).url(UriComponentsBuilder.fromUri(request.url())
                .queryParam(parameter, encoded).build(true).toUri()).build();
    }
}
