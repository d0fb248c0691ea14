package com.crossdock.suppliers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.poller.FeedSettings;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.ReconciliationSettings;
import com.crossdock.vendor.suppliers.Operation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The supplier gateway ({@code crossdock.suppliers.*}). Each supplier's address, credentials and call policy (timeout,
 * bulkhead, circuit breaker, retry) are its vendor client {@code crossdock.vendors.<name>.*} (docs/vendor-clients.md);
 * what the gateway asks of it is its entry in {@code accounts}: the capability matrix.
 *
 * @param deadline          the most a quote or availability answer waits for the suppliers; a supplier that has not
 *                          answered by then is reported {@code timeout} and the others are answered
 * @param timeZone          the suppliers' zone: a supplier date without a time is the start of that day in it
 * @param receivingLocation the stock-keeping location the suppliers' goods arrive at: the {@code location} of every
 *                          invoice's StockChanged movement and of every purchase (issue 9's rule: empty is the
 *                          consumer's default location, the Paqtana publisher's {@code default-location})
 * @param baseCurrency      the currency offers are ranked and converted in
 * @param rates             the rate source: units of {@code baseCurrency} per one unit of a currency
 *                          ({@code rates.EUR=45.10}); empty (the default): no conversion is shown, and an offer in
 *                          another currency ranks after the comparable ones
 * @param invoiceLookback   how far back each invoice poll asks ("from" = today minus this); invoices already
 *                          published are recognised by their key and skipped
 * @param accounts          each supplier by its name ({@code omega}, {@code elit}, {@code busmarket},
 *                          {@code uniquetrade}, {@code vesna}, {@code intercars}): enabled or not, its operations,
 *                          and the facts its API needs besides the client's credentials
 * @param feed              the invoice poll's cadence (the poller kit's {@code FeedSettings}: {@code feed.idle-interval} is
 *                          the time between two polls of one supplier)
 * @param lease             one active invoice poller across instances (the poller kit's {@code LeaseSettings})
 * @param reconciliation    the poller kit's schedule; the invoices have no reconciliation passes
 */
@ConfigurationProperties("crossdock.suppliers")
public record GatewayProperties(
        @DefaultValue("2s") Duration deadline,
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("") String receivingLocation,
        @DefaultValue("UAH") String baseCurrency,
        Map<String, BigDecimal> rates,
        @DefaultValue("30d") Duration invoiceLookback,
        Map<String, Account> accounts,
        @DefaultValue @NestedConfigurationProperty FeedSettings feed,
        @DefaultValue @NestedConfigurationProperty LeaseSettings lease,
        @DefaultValue @NestedConfigurationProperty ReconciliationSettings reconciliation) {

    public GatewayProperties {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        accounts = accounts == null ? Map.of() : new LinkedHashMap<>(accounts);
        receivingLocation = receivingLocation == null ? "" : receivingLocation.trim();
    }

    /** The enabled suppliers, in configuration order. */
    public Map<String, Account> enabled() {
        Map<String, Account> enabled = new LinkedHashMap<>();
        accounts.forEach((name, account) -> {
            if (account.enabled()) {
                enabled.put(name, account);
            }
        });
        return enabled;
    }

    /**
     * One supplier as the gateway uses it.
     *
     * @param enabled       whether the gateway asks it at all (carbook: "увімкнути вимикач для роботи цього API")
     * @param operations    what it is asked for: {@code price}, {@code availability}, {@code order}, {@code invoices};
     *                      only what the supplier has (Elit: no invoices) and its adapter implements. Default: all four
     * @param key           Omega: the client key sent inside every JSON body ({@code Key})
     * @param customerId    Vesna: the {@code customer_id} sent with every call
     * @param language      Inter Cars: the {@code Accept-Language} every call carries (mandatory: 400 without)
     * @param keyIssuedOn   BusMarket: the day its key was issued; keys live a year, and the gauge
     *                      {@code crossdock.supplier.key.days_left} counts down to the end
     * @param keyWarnBefore BusMarket: how long before the key's end the gateway logs a warning at start
     */
    public record Account(
            @DefaultValue("true") boolean enabled,
            Set<Operation> operations,
            Secret key,
            String customerId,
            @DefaultValue("uk") String language,
            LocalDate keyIssuedOn,
            @DefaultValue("30d") Duration keyWarnBefore) {

        public Account {
            operations = operations == null || operations.isEmpty() ? EnumSet.allOf(Operation.class)
                    : EnumSet.copyOf(operations);
        }

        public boolean has(Operation operation) {
            return operations.contains(operation);
        }
    }
}
