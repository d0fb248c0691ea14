package com.crossdock.platform.vendor;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every vendor credential: {@code crossdock.vendors.<name>.*}, one entry per credential (a vendor with two
 * credentials has two names, since the vendor's limits are per token), and {@code crossdock.vendors.defaults.*}
 * for what all of them share.
 *
 * @param vendors settings keyed by vendor (credential) name; the entry {@value #DEFAULTS} holds the defaults
 */
@ConfigurationProperties("crossdock")
public record VendorsProperties(Map<String, VendorProperties> vendors) {

    /** The entry every other one inherits from, unless it names a {@code base-config}. */
    public static final String DEFAULTS = "defaults";

    public VendorsProperties {
        vendors = vendors == null ? Map.of() : Map.copyOf(vendors);
    }

    /** The settings of {@code name}: its own, merged over what it inherits; the defaults for a vendor without an entry. */
    public VendorProperties forVendor(String name) {
        if (DEFAULTS.equals(name)) {
            throw new IllegalArgumentException("'" + DEFAULTS + "' holds the defaults of crossdock.vendors, not a vendor");
        }
        return resolve(name, new LinkedHashSet<>()).complete();
    }

    /** The names of the configured vendors, without {@value #DEFAULTS}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(vendors.keySet());
        names.remove(DEFAULTS);
        return names;
    }

    private VendorProperties resolve(String name, Set<String> inheriting) {
        if (!inheriting.add(name)) {
            throw new IllegalStateException("crossdock.vendors base-config goes round in a circle: "
                    + String.join(" -> ", inheriting) + " -> " + name);
        }
        VendorProperties own = vendors.getOrDefault(name, VendorProperties.UNSET);
        if (DEFAULTS.equals(name)) {
            return own.orElse(VendorProperties.BUILT_IN);
        }
        String base = own.baseConfig() == null ? DEFAULTS : own.baseConfig();
        if (!vendors.containsKey(base) && !DEFAULTS.equals(base)) {
            throw new IllegalStateException("crossdock.vendors." + name + ".base-config names '" + base
                    + "', which has no entry under crossdock.vendors");
        }
        return own.orElse(resolve(base, inheriting));
    }
}
