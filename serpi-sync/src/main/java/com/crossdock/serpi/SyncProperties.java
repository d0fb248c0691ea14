package com.crossdock.serpi;

import java.time.Duration;

import com.crossdock.platform.poller.FeedSettings;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.ReconciliationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * serpi-sync's own settings ({@code crossdock.serpi.*}). The company (code, zone, currency, warehouses) is
 * {@code SerpiProperties} of the vendor library, the create-id tables {@code SerpiMapping}
 * ({@code crossdock.serpi.mapping.*}); SERPI's address, credentials and call policy are the vendor client
 * {@code crossdock.vendors.serpi.*}, one client and one bulkhead of one for every call of the service.
 *
 * @param pageSize       {@code limite} of every read (articles and balances); a page this long is followed by the
 *                       next one at once
 * @param changeOverlap  how far before the end of the previous read the change filter {@code fechamodificaini} starts,
 *                       so a change dated on the boundary, or by a SERPI clock a little behind, is not missed (a change
 *                       read twice is published once: change detection)
 * @param writeBatchSize articles per {@code POST}/{@code PUT Articulo} (both take arrays); one request holds the token
 *                       while SERPI processes the whole array
 * @param writePollRecords the writer's {@code max.poll.records}: the events one poll hands to the writer, whose offsets
 *                       are committed once SERPI answered every array of them. Between two polls the token waits for
 *                       the commit, the next poll and the first array's mapping, so a poll of many arrays keeps SERPI
 *                       busier (2000: 40 arrays of 50); a whole poll is what the platform's error handler retries, and
 *                       dead-letters when the failure is permanent. Keep the time SERPI takes for one poll's arrays
 *                       well under the consumer's {@code max.poll.interval.ms} (5 minutes)
 * @param rateLimit      the gauge's denominator: requests per {@code ratePeriod} the budget gauge counts against (SERPI
 *                       publishes no request rate, only "one at a time" and "a read every 5 minutes")
 * @param ratePeriod     the period of that figure
 * @param feed           the poller kit's cadence: {@code feed.idle-interval} is the time between reads of the changes
 *                       and the balances, 5 minutes by default ("puede hacer un consumo cada 5 minutos")
 * @param reconciliation the full pass over every article, which also finds the articles SERPI no longer lists
 *                       (hourly by default)
 * @param lease          the single-active-poller guard
 */
@ConfigurationProperties("crossdock.serpi")
public record SyncProperties(
        @DefaultValue("100") int pageSize,
        @DefaultValue("1m") Duration changeOverlap,
        @DefaultValue("50") int writeBatchSize,
        @DefaultValue("2000") int writePollRecords,
        @DefaultValue("600") int rateLimit,
        @DefaultValue("1m") Duration ratePeriod,
        @DefaultValue @NestedConfigurationProperty FeedSettings feed,
        @DefaultValue @NestedConfigurationProperty ReconciliationSettings reconciliation,
        @DefaultValue @NestedConfigurationProperty LeaseSettings lease) {

    public SyncProperties {
        if (pageSize < 1 || writeBatchSize < 1 || writePollRecords < 1) {
            throw new IllegalArgumentException("crossdock.serpi.page-size, crossdock.serpi.write-batch-size and "
                    + "crossdock.serpi.write-poll-records must be at least 1");
        }
    }

    PublishedLimit limit() {
        return new PublishedLimit(rateLimit, ratePeriod);
    }
}
