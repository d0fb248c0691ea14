package com.crossdock.orders;

import com.crossdock.platform.poller.FeedSettings;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.ReconciliationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BaseLinker order import's poller ({@code crossdock.baselinker.*}), the poller kit's settings
 * (docs/poller-kit.md). The account, its statuses and BaseLinker's published limit are
 * {@code BaseLinkerProperties} of the vendor library under the same prefix; the address, token and pacing of every
 * call (the import's and {@code setOrderStatus}'s together: one budget per token) are the vendor client
 * {@code crossdock.vendors.baselinker.*}.
 *
 * @param feed           how often {@code getOrders} is asked again: at once after a full page (100 orders), after
 *                       {@code feed.idle-interval} otherwise
 * @param reconciliation unused: the date cursor is the import's only read (no reconciliation pass)
 * @param lease          the single-active-poller guard of the account
 */
@ConfigurationProperties("crossdock.baselinker")
public record ImportProperties(
        @DefaultValue @NestedConfigurationProperty FeedSettings feed,
        @DefaultValue @NestedConfigurationProperty ReconciliationSettings reconciliation,
        @DefaultValue @NestedConfigurationProperty LeaseSettings lease) {
}
