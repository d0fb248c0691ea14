package com.crossdock.platform.poller;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The single-active-poller guard of one vendor account ({@code <vendor's prefix>.lease.*}). The lease itself is
 * the one partition of {@code Topics.leaseTopic(vendor)}, held by one member of the account's
 * {@code Topics.leaseGroup(vendor, account)}.
 *
 * @param sessionTimeout how soon a dead instance's lease passes to a standby
 */
@ConfigurationPropertiesSource
public record LeaseSettings(@DefaultValue("10s") Duration sessionTimeout) {
}
