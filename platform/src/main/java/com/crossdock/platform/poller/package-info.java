/**
 * The poller kit (docs/poller-kit.md): what every service that polls a vendor needs, so that its module is an
 * adapter. A vendor module imports {@link com.crossdock.platform.poller.PollerKitConfiguration} and supplies a
 * {@link com.crossdock.platform.poller.PollerDefinition} (vendor, account, raw topic, settings records its
 * properties embed) and {@link com.crossdock.platform.poller.PollerSources}: a
 * {@link com.crossdock.platform.poller.FeedSource} per channel (read one page, say whether it was full) and the
 * {@link com.crossdock.platform.poller.ReconciliationPass}es of a run (read page n). The kit gives:
 * <ul>
 * <li>one active poller per vendor account, {@link com.crossdock.platform.poller.PollerLease} (a Kafka lease);</li>
 * <li>one request budget for the feed and reconciliation, {@link com.crossdock.platform.poller.PollerBudget}: the
 * vendor client kit's client and its {@code reconciliation} share, no limiter of its own;</li>
 * <li>save-before-next-read, {@link com.crossdock.platform.poller.BatchWriter}: Kafka with acks=all, or the durable
 * spool, and nothing read while the spool holds records;</li>
 * <li>the cadence: back-to-back reads while pages come full, the idle interval otherwise, the recheck interval on a
 * standby or while the spool holds records;</li>
 * <li>paged reconciliation under the budget share, stopped when the lease is lost, with a run id, a summary log, a
 * cron schedule and {@code POST /admin/<vendor>/reconciliation};</li>
 * <li>the meters {@code crossdock.poller.*{vendor}}, {@link com.crossdock.platform.poller.PollerMetrics}.</li>
 * </ul>
 */
package com.crossdock.platform.poller;
