package com.crossdock.suppliers.client;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.vendor.suppliers.Operation;

/**
 * The enabled suppliers' adapters, by name, each on its vendor client {@code crossdock.vendors.<name>}. The start fails
 * on a supplier the gateway has no adapter for, or an operation configured for a supplier that does not have it.
 */
public final class SupplierClients {

    private final Map<String, SupplierClient> clients = new LinkedHashMap<>();

    public SupplierClients(GatewayProperties properties, VendorClients vendors, Clock clock) {
        properties.enabled().forEach((name, account) -> {
            SupplierClient client = switch (name) {
                case "omega" -> new OmegaClient(vendors.client(name), required(account.key(), name, "key"),
                        properties.timeZone());
                case "elit" -> new ElitClient(vendors.client(name));
                case "busmarket" -> new BusMarketClient(vendors.client(name), properties.timeZone(), clock);
                case "uniquetrade" -> new UniqueTradeClient(vendors.client(name), properties.timeZone());
                case "vesna" -> new VesnaClient(vendors.client(name), required(account.customerId(), name,
                        "customer-id"), properties.timeZone());
                case "intercars" -> new InterCarsClient(vendors.client(name), account.language(), properties.timeZone());
                default -> throw new IllegalStateException("crossdock.suppliers.accounts." + name
                        + ": no such supplier (omega, elit, busmarket, uniquetrade, vesna, intercars)");
            };
            Set<Operation> missing = EnumSet.copyOf(account.operations());
            missing.removeAll(client.operations());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("crossdock.suppliers.accounts." + name + ".operations: " + name
                        + " has no " + missing.stream().map(Operation::id).toList() + " (it has "
                        + client.operations().stream().map(Operation::id).toList() + ")");
            }
            clients.put(name, client);
        });
    }

    public Map<String, SupplierClient> all() {
        return Collections.unmodifiableMap(clients);
    }

    public Optional<SupplierClient> find(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    private static <T> T required(T value, String supplier, String key) {
        if (value == null || value.toString().isBlank()
                || value instanceof com.crossdock.platform.config.Secret secret && secret.isBlank()) {
            String property = "crossdock.suppliers.accounts." + supplier + "." + key;
            throw new IllegalStateException(property + " is required (environment "
                    + property.replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT) + ")");
        }
        return value;
    }
}
