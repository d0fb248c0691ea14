package com.crossdock.platform.poller;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A vendor's poller as the kit runs it, built by the vendor's module from its properties (a bean, with
 * {@link PollerSources}, for {@link PollerKitConfiguration}).
 *
 * @param vendor         the vendor: {@code crossdock.vendors.<vendor>} is the client and policy of every call; tags
 *                       every meter; names the lease topic and the admin path {@code /admin/<vendor>/reconciliation}
 * @param account        the vendor account this instance polls (a Prodsmart company): names the lease group
 * @param raw            where what is read is kept as received
 * @param limit          the vendor's published limit per account, for the budget gauge
 * @param feed           the feed's cadence and durability
 * @param lease          the single-active-poller guard
 * @param reconciliation when reconciliation runs
 * @param zone           the account's time zone: the reconciliation schedule runs in it
 */
public record PollerDefinition(String vendor, String account, RawItems raw, PublishedLimit limit, FeedSettings feed,
        LeaseSettings lease, ReconciliationSettings reconciliation, ZoneId zone) {

    public PollerDefinition {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(zone, "zone");
    }
}
