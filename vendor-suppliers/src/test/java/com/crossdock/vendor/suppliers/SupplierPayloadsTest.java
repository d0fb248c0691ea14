package com.crossdock.vendor.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.vendor.suppliers.busmarket.BusMarketPayloads;
import com.crossdock.vendor.suppliers.intercars.InterCarsPayloads;
import com.crossdock.vendor.suppliers.omega.OmegaPayloads;
import com.crossdock.vendor.suppliers.vesna.VesnaPayloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SupplierPayloadsTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void omegasEnvelopeWithSuccessFalseIsAFailureWithItsDescriptions() {
        JsonNode failed = JSON.readTree("{\"Success\":false,\"Errors\":[{\"Description\":\"Invalid key\"}],\"Result\":null}");
        assertThat(OmegaPayloads.failure(failed)).contains("Invalid key");
        assertThatThrownBy(() -> OmegaPayloads.price(failed)).isInstanceOf(SupplierPayloadException.class)
                .hasMessageContaining("Invalid key");
        assertThat(OmegaPayloads.failure(JSON.readTree("{\"Success\":true,\"Errors\":[],\"Result\":{}}"))).isEmpty();
    }

    @Test
    void omegaDatesAreDayMonthYear() {
        assertThat(OmegaPayloads.invoicesRequest("k", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5)))
                .containsEntry("DateFrom", "04.03.2026").containsEntry("Key", "k");
        List<Invoice> invoices = OmegaPayloads.invoices(JSON.readTree("""
                {"Success":true,"Errors":[],"Result":[{"Id":"7","Number":"N7","Date":"04.03.2026","Currency":"UAH",
                 "Total":10,"Lines":[{"Code":"OC90","Name":"Filter","Quantity":2,"Price":5}]}]}"""), KYIV);
        assertThat(invoices.get(0).issuedAt()).isEqualTo(LocalDate.of(2026, 3, 4).atStartOfDay(KYIV).toInstant());
        assertThatThrownBy(() -> OmegaPayloads.invoices(JSON.readTree("""
                {"Success":true,"Errors":[],"Result":[{"Id":"7","Date":"2026-03-04","Currency":"UAH","Lines":[]}]}"""),
                KYIV)).isInstanceOf(SupplierPayloadException.class).hasMessageStartingWith("Result[0].Date");
    }

    @Test
    void busMarketInvoicesAreReadWhenALineHasABlankName() {
        // what the README's demo invoice looks like at BusMarket: a line without a name is sent as "name":""
        List<Invoice> invoices = BusMarketPayloads.invoices(JSON.readTree("""
                {"invoices":[{"id":"INV-1","number":"BM-7","date":"2026-12-02","currency":"UAH","total":null,
                 "order_id":null,"items":[{"article":"OC90","name":"","qty":4,"price":399.9}]}]}"""), KYIV);
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("OC90");
            assertThat(line.name()).isNull();
        });
        assertThatThrownBy(() -> BusMarketPayloads.invoices(JSON.readTree("""
                {"invoices":[{"id":"","date":"2026-12-02","currency":"UAH","items":[]}]}"""), KYIV))
                .as("a blank required text is still a damaged answer").isInstanceOf(SupplierPayloadException.class);
    }

    @Test
    void vesnaPricesAreInEuroOnlyAndItsQuantitiesStrings() {
        assertThat(VesnaPayloads.price(JSON.readTree("{\"article\":\"OC90\",\"price\":\"9.40\",\"currency\":\"EUR\"}"))
                .currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> VesnaPayloads.price(JSON.readTree(
                "{\"article\":\"OC90\",\"price\":\"9.40\",\"currency\":\"UAH\"}")))
                .isInstanceOf(SupplierPayloadException.class).hasMessageContaining("only in EUR");
        Availability stock = VesnaPayloads.availability(JSON.readTree(
                "{\"article\":\"OC90\",\"branches\":[{\"branch\":\"Вінниця\",\"quantity\":\">10\"}]}"));
        assertThat(stock.branches().get(0).quantity().minExclusive()).isTrue();
    }

    @Test
    void interCarsBatchesAndUnknownSkus() {
        List<String> skus = java.util.stream.IntStream.range(0, 45).mapToObj(i -> "S" + i).toList();
        assertThat(InterCarsPayloads.batches(skus, InterCarsPayloads.MAX_PRICE_SKUS)).extracting(List::size)
                .containsExactly(20, 20, 5);
        assertThat(InterCarsPayloads.unknown(" A, B ,")).containsExactly("A", "B");
        assertThat(InterCarsPayloads.unknown(null)).isEmpty();
    }
}
