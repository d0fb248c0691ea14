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
 * @param runCron                 the daily run ({@code -} disables it): the whole master inventory is PUT, then
 *                                the historical demand of every day and item whose total changed since the last
 *                                run is POSTed, the run's last request with {@code auto_calculate=True}; Paqtana
 *                                recommends sending once a day (paqtana-integration-api.es.txt, Pasos 6 and 7)
 * @param zone                    the zone of the cron and of a demand day (an order line's due date, else the
 *                                order's placedAt, taken as a date in this zone)
 * @param defaultLocation         the location of stock, orders and articles that name none
 * @param defaultWorkspace        the workspace code of a location without an entry in {@code workspaces}
 * @param workspaces              workspace code per location code
 * @param maxRequestBytes         Paqtana's payload limit: "El tamaño máximo de la carga útil es de 32MB" (Paso 6),
 *                                read as 32,000,000 bytes (decimal megabytes: the stricter reading)
 * @param demandRequestBytes      the largest historical_demand request this publisher builds (≤ maxRequestBytes)
 * @param closedOrderStatuses     sales order statuses (case-insensitive) that no longer count as open demand
 * @param pushRetry               the waits before a failed master-inventory PUT is tried again ({@code push-retry.*},
 *                                see {@code Backoff}); each setting overrides only its component of 1 min doubling
 *                                up to 15 min, no jitter, no attempt limit. It grows because each try sends the
 *                                whole inventory (up to 32 MB) and the vendor policy retries each PUT already;
 *                                view changes and the daily push send on their own meanwhile
 * @param movementDedupeRetention how long a movement's event id is remembered; above the stock topic's retention
 * @param schemaUnavailableRetry  the waits before the view reads again a record whose writer schema the registry
 *                                cannot give now ({@code schema-unavailable-retry.*}, see {@code Backoff}); each
 *                                setting overrides only its component of 1 s doubling up to 30 s, jitter 0.1; no
 *                                attempt limit (max-attempts must stay 0): skipping the record would drop its item
 *                                from Paqtana. Keep max-interval under the consumer's max.poll.interval.ms
 * @param skippedRecordsAllowed   poison records (that can never decode) the view may leave out and still PUT; 0 by
 *                                default: a view that skipped one is incomplete and nothing is PUT. An operator who
 *                                has looked at them (readiness and the log name them) raises it and restarts
 * @param maxUnexplainedDrop      the largest share (0 to 1) of the items Paqtana last received that a PUT may drop
 *                                without a deletion explaining it (items the view never held); above it the PUT is
 *                                held. 1 turns the guard off (how an operator lets a held PUT through)
 * @param demandRetention         how far behind the newest demand day seen a day's historical demand is still kept
 *                                (730 days: two years of history for the forecast). Older days are final: their
 *                                orders are forgotten (the view's memory stays bounded), Paqtana keeps the totals it
 *                                was last sent for them, and a later version of an order changes only its days
 *                                within the window. Event time (the orders' own days), so a rebuild from the topic
 *                                forgets the same orders
 */
@ConfigurationProperties("crossdock.paqtana")
public record PaqtanaProperties(
        @DefaultValue("demo") String organisation,
        @DefaultValue("5s") Duration debounce,
        @DefaultValue("1m") Duration debounceMaxWait,
        @DefaultValue("0 0 2 * * *") String runCron,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("main") String defaultLocation,
        @DefaultValue("main") String defaultWorkspace,
        Map<String, String> workspaces,
        @DefaultValue("32000000B") DataSize maxRequestBytes,
        @DefaultValue("30000000B") DataSize demandRequestBytes,
        @DefaultValue({"FULFILLED", "COMPLETED", "DELIVERED", "SHIPPED", "CLOSED", "CANCELLED", "CANCELED"})
        Set<String> closedOrderStatuses,
        @NestedConfigurationProperty Backoff pushRetry,
        @DefaultValue("8d") Duration movementDedupeRetention,
        @NestedConfigurationProperty Backoff schemaUnavailableRetry,
        @DefaultValue("0") long skippedRecordsAllowed,
        @DefaultValue("0.2") double maxUnexplainedDrop,
        @DefaultValue("730d") Duration demandRetention) {

    static final Backoff PUSH_RETRY_DEFAULTS = Backoff.exponential(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(15));
    static final Backoff SCHEMA_UNAVAILABLE_DEFAULTS =
            Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)).withJitter(0.1);

    public PaqtanaProperties {
        pushRetry = Objects.requireNonNullElse(pushRetry, Backoff.UNSET).orElse(PUSH_RETRY_DEFAULTS).validated();
        schemaUnavailableRetry = Objects.requireNonNullElse(schemaUnavailableRetry, Backoff.UNSET)
                .orElse(SCHEMA_UNAVAILABLE_DEFAULTS).validated()
                .requireNoAttemptLimit("crossdock.paqtana.schema-unavailable-retry.max-attempts");
        if (maxUnexplainedDrop < 0 || maxUnexplainedDrop > 1) {
            throw new IllegalArgumentException("crossdock.paqtana.max-unexplained-drop must be a share from 0 to 1, not "
                    + maxUnexplainedDrop);
        }
        if (skippedRecordsAllowed < 0) {
            throw new IllegalArgumentException("crossdock.paqtana.skipped-records-allowed must be 0 or more, not "
                    + skippedRecordsAllowed);
        }
        workspaces = workspaces == null ? Map.of() : Map.copyOf(workspaces);
        if (demandRequestBytes.compareTo(maxRequestBytes) > 0) {
            throw new IllegalArgumentException("crossdock.paqtana.demand-request-bytes (" + demandRequestBytes
                    + ") must not exceed crossdock.paqtana.max-request-bytes (" + maxRequestBytes + ")");
        }
    }
}
