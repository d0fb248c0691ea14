package com.crossdock.vendor.optimakers;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Optimakers instance's ids an imported order needs ({@code crossdock.optimakers.*}), the integration's own
 * parameters (optimakers-baselinker-integration.pl.txt, "Jakie parametry są niezbędne do uruchomienia
 * integracji?"). Its address, API key and call pacing are the vendor client {@code crossdock.vendors.optimakers.*};
 * its webhook token is the ingress's {@code crossdock.ingress.optimakers.token}.
 *
 * @param orderStatus the status of an imported order ({@code optimesOrderStatus}; "Ustawienia => Statusy encji",
 *                    entity Zamówienie)
 * @param attributes  the order attributes' ids ("Ustawienia => Atrybuty", entity Zamówienie; they are not defined
 *                    by default and must be added)
 * @param currencies  Optimakers' currency id of each ISO code ({@code PLN: 1}); "Id waluty możemy zobaczyć tylko z
 *                    linku do edycji" ("Ustawienia => Handel => Waluty"). An order in a currency not listed here is a
 *                    dead letter naming it
 * @param vatRates    Optimakers' VAT rate id of each rate in percent as BaseLinker writes it ({@code "23": 1},
 *                    {@code "0": 4}; "Ustawienia => Handel => Stawki VAT"). A line at a rate not listed here makes the
 *                    order a dead letter naming it
 */
@ConfigurationProperties("crossdock.optimakers")
public record OptimakersProperties(long orderStatus, @DefaultValue Attributes attributes, Map<String, Long> currencies,
        Map<String, Long> vatRates) {

    public OptimakersProperties {
        if (orderStatus <= 0) {
            throw new IllegalArgumentException("crossdock.optimakers.order-status must be the Optimakers order status id "
                    + "of an imported order (optimesOrderStatus; CROSSDOCK_OPTIMAKERS_ORDER_STATUS)");
        }
        currencies = currencies == null ? Map.of() : Map.copyOf(new TreeMap<>(currencies));
        vatRates = vatRates == null ? Map.of() : Map.copyOf(vatRates);
    }

    /**
     * The ids of the order attributes the import fills; an attribute left unset (0) is not sent.
     *
     * @param deliveryMethod   {@code optimesOrderAttributeDeliveryMethod}
     * @param deliveryPrice    {@code optimesOrderAttributeDeliveryPrice}
     * @param paymentMethod    {@code optimesOrderAttributePaymentMethod}
     * @param additionalField1 {@code optimesOrderAttributeAdditionalField1} (BaseLinker extra_field_1)
     * @param additionalField2 {@code optimesOrderAttributeAdditionalField2} (BaseLinker extra_field_2)
     * @param note             {@code optimesOrderAttributeNote} (the customer's comments)
     * @param customerLogin    {@code optimesCustomerAttributeLogin} (BaseLinker user_login)
     */
    public record Attributes(long deliveryMethod, long deliveryPrice, long paymentMethod, long additionalField1,
            long additionalField2, long note, long customerLogin) {
    }
}
