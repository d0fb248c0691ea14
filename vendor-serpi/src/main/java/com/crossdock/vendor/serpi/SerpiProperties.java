package com.crossdock.vendor.serpi;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SERPI company Crossdock syncs with ({@code crossdock.serpi.*}), bound once for every module that reads or
 * writes SERPI. (serpi-sync's own settings share the prefix: {@code SyncProperties}; the create-id tables are
 * {@link SerpiMapping}.)
 *
 * @param company    the company's code: the tenant organisation of every SERPI event, part of the event ids, and
 *                   the name of the poller's lease; the same value in every module
 * @param timeZone   the zone SERPI writes its dates in (the {@code fechamodificaini}/{@code fechamodificafin}
 *                   filter and {@code fechaCorte} carry no zone): SERPI is a Colombian ERP, so {@code America/Bogota}
 * @param currency   the currency of SERPI's {@code costo} (ISO 4217; SERPI states none: the company's books), the
 *                   {@code currency} of the articles it masters
 * @param warehouses the stock-keeping location of each SERPI warehouse: {@code warehouses.<idBodega>=<location>}.
 *                   SERPI knows a stock total per warehouse ({@code SaldoInventario}, per {@code idBodega}), so
 *                   each mapped warehouse is one Paqtana location (the location rule of paqtana-publisher's
 *                   README); the stock of a warehouse not listed here is not published (logged and counted), so
 *                   that no Paqtana row appears at a place nobody chose. Two warehouses may not share a location
 *                   (their levels would overwrite each other), and none may be Prodsmart's location
 *                   ({@code crossdock.prodsmart.location}): one stock source per location
 */
@ConfigurationProperties("crossdock.serpi")
public record SerpiProperties(@DefaultValue("default") String company,
        @DefaultValue("America/Bogota") ZoneId timeZone, @DefaultValue("COP") String currency,
        Map<String, String> warehouses) {

    @ConstructorBinding
    public SerpiProperties {
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("crossdock.serpi.company must name the SERPI company "
                    + "(CROSSDOCK_SERPI_COMPANY)");
        }
        warehouses = warehouses == null ? Map.of() : Map.copyOf(new TreeMap<>(warehouses));
        Set<String> locations = new HashSet<>();
        for (Map.Entry<String, String> warehouse : warehouses.entrySet()) {
            String location = warehouse.getValue() == null ? "" : warehouse.getValue().trim();
            if (!locations.add(location)) {
                throw new IllegalArgumentException("crossdock.serpi.warehouses maps two SERPI warehouses to location '"
                        + location + "': a location is one stock total, so each warehouse needs its own");
            }
        }
    }

    /** The company with no warehouse mapped. */
    public SerpiProperties(String company, ZoneId timeZone) {
        this(company, timeZone, "COP", Map.of());
    }

    /** The location of SERPI warehouse {@code idBodega}; empty when it is not mapped. */
    public Optional<String> location(String idBodega) {
        return Optional.ofNullable(warehouses.get(idBodega)).map(String::trim);
    }

    /**
     * Fails when a SERPI warehouse is mapped to {@code otherSourceLocation}, the location another stock source
     * (Prodsmart) already masters: its levels and SERPI's would overwrite each other in Paqtana's row.
     */
    public void requireNoWarehouseAt(String otherSourceLocation, String otherSource) {
        String other = otherSourceLocation == null ? "" : otherSourceLocation.trim();
        warehouses.forEach((warehouse, location) -> {
            if (location.trim().equals(other)) {
                throw new IllegalStateException("crossdock.serpi.warehouses." + warehouse + " is '" + other
                        + "', the location of " + otherSource + "'s stock: one stock source per location; map the "
                        + "SERPI warehouse to a location of its own");
            }
        });
    }
}
