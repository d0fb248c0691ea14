package com.crossdock.platform.vendor;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The call policies of all vendor credentials: {@code crossdock.vendors.<name>.*}, one entry per
 * credential (a vendor with two credentials has two names, since the vendor's limits are per token).
 *
 * @param vendors policy settings keyed by vendor (credential) name
 */
@ConfigurationProperties("crossdock")
public record VendorPoliciesProperties(Map<String, VendorPolicyProperties> vendors) {

    public VendorPoliciesProperties {
        vendors = vendors == null ? Map.of() : Map.copyOf(vendors);
    }

    /** The settings of {@code name}, or the defaults for a vendor without an entry. */
    public VendorPolicyProperties forVendor(String name) {
        return vendors.getOrDefault(name, VendorPolicyProperties.defaults());
    }
}
