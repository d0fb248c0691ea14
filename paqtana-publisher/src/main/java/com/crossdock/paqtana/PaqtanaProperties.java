package com.crossdock.paqtana;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Paqtana publisher ({@code crossdock.paqtana.*}). Paqtana's address, its Bearer token and the call policy
 * (timeout, retries, breaker) are the vendor client {@code crossdock.vendors.paqtana.*}.
 *
 * @param organisation            the organisation code in every path ({@code /v2/org/{org}/...})
 * @param debounce                quiet time after the last view change before the master inventory is PUT
 * @param debounceMaxWait         the longest a change waits for its PUT while changes keep coming
 * @param fullPushCron            the daily full master-inventory push ({@code -} disables it); Paqtana
 *                                recommends sending once a day (paqtana-integration-api.es.txt, Paso 7)
 * @param zone                    the zone of the cron and of a demand day (an order line's due date, else the
 *                                order's placedAt, taken as a date in this zone)
 * @param defaultLocation         the location of stock, orders and articles that name none
 * @param defaultWorkspace        the workspace code of a location without an entry in {@code workspaces}
 * @param workspaces              workspace code per location code
 * @param maxRequestBytes         Paqtana's payload limit: "El tamaño máximo de la carga útil es de 32MB" (Paso 6)
 * @param demandRequestBytes      the largest historical_demand request this publisher builds (≤ maxRequestBytes)
 * @param closedOrderStatuses     sales order statuses (case-insensitive) that no longer count as open demand
 * @param pushRetry               the waits before a failed master-inventory PUT is tried again ({@code push-retry.*},
 *                                see {@code Backoff}); each setting overrides only its component of 1 min doubling
 *                                up to 15 min, no jitter, no attempt limit. It grows because each try sends the
 *                                whole inventory (up to 32 MB) and the vendor policy retries each PUT already;
 *                                view changes and the daily push send on their own meanwhile
 * @param movementDedupeRetention how long a movement's event id is remembered; above the stock topic's retention
 * @param viewWaitTimeout         how long the demand listener waits for the view to apply its record
 */
@ConfigurationProperties("crossdock.paqtana")
public record PaqtanaProperties(
        @DefaultValue("demo") String organisation,
        @DefaultValue("5s") Duration debounce,
        @DefaultValue("1m") Duration debounceMaxWait,
        @DefaultValue("0 0 2 * * *") String fullPushCron,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("main") String defaultLocation,
        @DefaultValue("main") String defaultWorkspace,
        Map<String, String> workspaces,
        @DefaultValue("32MB") DataSize maxRequestBytes,
        @DefaultValue("30MB") DataSize demandRequestBytes,
        @DefaultValue({"FULFILLED", "COMPLETED", "DELIVERED", "SHIPPED", "CLOSED", "CANCELLED", "CANCELED"})
        Set<String> closedOrderStatuses,
        @NestedConfigurationProperty Backoff pushRetry,
        @DefaultValue("8d") Duration movementDedupeRetention,
        @DefaultValue("30s") Duration viewWaitTimeout) {

    static final Backoff PUSH_RETRY_DEFAULTS = Backoff.exponential(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(15));

    public PaqtanaProperties {
        pushRetry = Objects.requireNonNullElse(pushRetry, Backoff.UNSET).orElse(PUSH_RETRY_DEFAULTS).validated();
        workspaces = workspaces == null ? Map.of() : Map.copyOf(workspaces);
        if (demandRequestBytes.compareTo(maxRequestBytes) > 0) {
            throw new IllegalArgumentException("crossdock.paqtana.demand-request-bytes (" + demandRequestBytes
                    + ") must not exceed crossdock.paqtana.max-request-bytes (" + maxRequestBytes + ")");
        }
    }
}
