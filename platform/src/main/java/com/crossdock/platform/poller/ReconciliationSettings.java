package com.crossdock.platform.poller;

import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the full pass over the vendor's list endpoints runs ({@code <vendor's prefix>.reconciliation.*}).
 *
 * @param enabled run on the schedule (the admin endpoint {@code POST /admin/<vendor>/reconciliation} works either way)
 * @param cron    when, in the account's time zone (default daily at 03:00)
 */
@ConfigurationPropertiesSource
public record ReconciliationSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * *") String cron) {
}
