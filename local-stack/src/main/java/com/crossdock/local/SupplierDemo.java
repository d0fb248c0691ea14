package com.crossdock.local;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * supplier-gateway's settings in the local stack: each supplier's client pointed at its sandbox with the demo
 * credentials the sandboxes accept by default ({@code sandboxes.suppliers.*}, sandboxes/README.md "Suppliers"), polls
 * every 10 s so an issued invoice shows soon, and goods received at the consumer's default location.
 */
final class SupplierDemo {

    private SupplierDemo() {
    }

    static Map<String, Object> settings(String sandboxUrl) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("crossdock.vendors.omega.base-url", sandboxUrl + "/suppliers/omega/public/api/v1.0");
        for (String supplier : new String[] {"elit", "busmarket", "uniquetrade", "vesna", "intercars"}) {
            settings.put("crossdock.vendors." + supplier + ".base-url", sandboxUrl + "/suppliers/" + supplier);
        }
        settings.put("crossdock.suppliers.accounts.omega.key", "omega-demo-key");
        settings.put("crossdock.vendors.elit.auth.key", "elit-demo-login");
        settings.put("crossdock.vendors.elit.auth.secret", "elit-demo-password");
        settings.put("crossdock.vendors.busmarket.auth.headers.authorization.value", "busmarket-demo-key");
        settings.put("crossdock.suppliers.accounts.busmarket.key-issued-on", LocalDate.now().toString());
        settings.put("crossdock.vendors.uniquetrade.auth.key", "unique-demo-login");
        settings.put("crossdock.vendors.uniquetrade.auth.secret", "unique-demo-password");
        settings.put("crossdock.vendors.vesna.auth.headers.authorization.value", "vesna-demo-token");
        settings.put("crossdock.suppliers.accounts.vesna.customer-id", "4711");
        settings.put("crossdock.vendors.intercars.auth.key", "intercars-demo-client");
        settings.put("crossdock.vendors.intercars.auth.secret", "intercars-demo-secret");
        settings.put("crossdock.suppliers.feed.idle-interval", "10s");
        return settings;
    }
}
