package com.crossdock.orders;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.platform.vendor.client.VendorClient;
import reactor.core.publisher.Mono;

/**
 * BaseLinker's {@code connector.php} calls of order-bridge, on one client of {@code crossdock.vendors.baselinker}
 * judged by {@code BaseLinkerStatus}: {@code status:ERROR} fails the call with its {@code error_code}, and
 * {@code ERROR_BLOCKED_TOKEN} closes the token's throttle gate until the time BaseLinker names, for every caller.
 * The import's reads and {@code setOrderStatus} go through the same policy, so they share the token's one rate
 * limiter (100 requests a minute per token, VENDORS.md).
 */
class BaseLinkerClient {

    private final VendorClient client;

    BaseLinkerClient(VendorClient client) {
        this.client = client;
    }

    /**
     * {@code getOrders} of {@code statusId}, confirmed from {@code dateConfirmedFrom} (unix seconds; 0: from the
     * first), the answer's bytes as received.
     */
    Mono<byte[]> orders(long statusId, long dateConfirmedFrom) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("status_id", statusId);
        if (dateConfirmedFrom > 0) {
            parameters.put("date_confirmed_from", dateConfirmedFrom);
        }
        parameters.put("get_unconfirmed_orders", false);
        return client.callMethod("getOrders", parameters, byte[].class).defaultIfEmpty(new byte[0]);
    }

    /** {@code setOrderStatus {order_id, status_id}}. */
    Mono<Void> setOrderStatus(long orderId, long statusId) {
        return client.callMethod("setOrderStatus", Map.of("order_id", orderId, "status_id", statusId), byte[].class)
                .then();
    }
}
