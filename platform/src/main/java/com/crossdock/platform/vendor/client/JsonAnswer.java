package com.crossdock.platform.vendor.client;

import tools.jackson.databind.JsonNode;

/**
 * A 2xx JSON answer both as the vendor sent it and as read, once: ask a {@link VendorClient} for this type to keep the
 * bytes (to store or forward as received) without reading them a second time. The tree is the one the client's
 * {@link com.crossdock.platform.vendor.BodyFailureClassifier} judged ({@link VendorClient#judgedBy}); an empty body is
 * a missing node.
 *
 * @param bytes the body as received
 * @param tree  the body read as JSON
 */
public record JsonAnswer(byte[] bytes, JsonNode tree) {
}
