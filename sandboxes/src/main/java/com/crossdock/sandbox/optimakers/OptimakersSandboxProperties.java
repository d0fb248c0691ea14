package com.crossdock.sandbox.optimakers;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Optimakers fake ({@code sandboxes.optimakers.*}): one instance with the ids the integration document says
 * must exist before it runs (statuses, order attributes, currencies, VAT rates; "Jakie parametry są niezbędne do
 * uruchomienia integracji?"). A create that names any other id is refused, as the instance would.
 *
 * @param apiKey             the employee's API key it accepts ("Pracownicy … Dodatkowe informacje … Klucz API"; a
 *                           demo value, override with {@code SANDBOXES_OPTIMAKERS_API_KEY})
 * @param apiKeyHeader       the header that carries it (Optimakers' paths and headers are not public: the client's
 *                           setting must match)
 * @param webhookToken       the webhooks' "Token bezpieczeństwa", sent in their body
 * @param webhookTarget      the webhooks' "Adres wywołania": where fulfilments and product changes are posted
 * @param orderStatuses      the order statuses' ids ("Ustawienia => Statusy encji", entity Zamówienie)
 * @param orderAttributes    the order attributes' ids ("Ustawienia => Atrybuty", entity Zamówienie)
 * @param customerAttributes the customer attributes' ids (the customer's login)
 * @param currencies         the currencies' ids by ISO code ("Ustawienia => Handel => Waluty")
 * @param vatRates           the VAT rates' ids by rate ("Ustawienia => Handel => Stawki VAT")
 */
@ConfigurationProperties("sandboxes.optimakers")
public record OptimakersSandboxProperties(@DefaultValue("optimakers-demo-key") String apiKey,
        @DefaultValue("X-Api-Key") String apiKeyHeader,
        @DefaultValue("optimakers-demo-webhook-token") String webhookToken,
        @DefaultValue("http://localhost:8080/webhooks/optimakers") URI webhookTarget,
        List<Long> orderStatuses, List<Long> orderAttributes, List<Long> customerAttributes,
        Map<String, Long> currencies, Map<String, Long> vatRates) {

    public OptimakersSandboxProperties {
        orderStatuses = orDefault(orderStatuses, List.of(1L, 2L, 3L));
        orderAttributes = orDefault(orderAttributes, List.of(11L, 12L, 13L, 14L, 15L, 16L));
        customerAttributes = orDefault(customerAttributes, List.of(21L));
        currencies = currencies == null || currencies.isEmpty() ? Map.of("PLN", 1L, "EUR", 2L) : Map.copyOf(currencies);
        vatRates = vatRates == null || vatRates.isEmpty() ? Map.of("23", 1L, "8", 2L, "5", 3L, "0", 4L)
                : Map.copyOf(vatRates);
    }

    private static List<Long> orDefault(List<Long> ids, List<Long> defaults) {
        return ids == null || ids.isEmpty() ? defaults : List.copyOf(ids);
    }
}
