package com.crossdock.platform.vendor.client;

import java.nio.charset.StandardCharsets;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** Where a credential goes on a request: a header (replacing any of that name), or a query parameter. */
final class Placements {

    private Placements() {
    }

    static ClientRequest header(ClientRequest request, String name, String value) {
        return ClientRequest.from(request).headers(headers -> headers.set(name, value)).build();
    }

    /** The URL is already encoded, so only the added value is encoded (a token may hold '+' or '/'). */
    static ClientRequest query(ClientRequest request, String parameter, String value) {
        return ClientRequest.from(request).url(UriComponentsBuilder.fromUri(request.url())
                .queryParam(parameter, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
                .build(true).toUri()).build();
    }
}
