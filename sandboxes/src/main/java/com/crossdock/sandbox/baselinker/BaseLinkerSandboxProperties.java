package com.crossdock.sandbox.baselinker;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BaseLinker fake ({@code sandboxes.baselinker.*}).
 *
 * @param token         the one API token it accepts in {@code X-BLToken} (a demo value; override with
 *                      {@code SANDBOXES_BASELINKER_TOKEN})
 * @param rateLimit     requests per {@code ratePeriod} per token: BaseLinker's 100 a minute (VENDORS.md); past it
 *                      the token is blocked ({@code ERROR_BLOCKED_TOKEN}) until a request leaves the window
 * @param ratePeriod    the period of that limit
 * @param statuses      the account's order statuses ({@code getOrderStatusList}); {@code setOrderStatus} refuses
 *                      any other id
 * @param defaultStatus the status of an order added without one ({@code POST /baselinker/_sandbox/orders})
 */
@ConfigurationProperties("sandboxes.baselinker")
public record BaseLinkerSandboxProperties(@DefaultValue("baselinker-demo-token") String token,
        @DefaultValue("100") int rateLimit, @DefaultValue("1m") Duration ratePeriod, List<Status> statuses,
        @DefaultValue("2") long defaultStatus) {

    public BaseLinkerSandboxProperties {
        statuses = statuses == null || statuses.isEmpty()
                ? List.of(new Status(1, "Nowe"), new Status(2, "Do realizacji"), new Status(3, "Zrealizowane"))
                : List.copyOf(statuses);
    }

    /** One order status as {@code getOrderStatusList} lists it. */
    public record Status(long id, String name) {
    }
}
