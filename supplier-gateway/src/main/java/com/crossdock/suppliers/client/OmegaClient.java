package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.BodyFailure;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorCallOutcome;
import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.omega.OmegaPayloads;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Omega: every call a {@code POST} with the key inside the JSON body; an HTTP 200 whose envelope says
 * {@code Success:false} is a failure (permanent: Omega states a refusal, not an outage), judged by the kit before the
 * answer is read. The IP allow-list is the deployment's: the gateway's egress address must be the one Omega formed the
 * key for.
 */
final class OmegaClient implements SupplierClient {

    private final VendorClient client;
    private final Secret key;
    private final ZoneId zone;

    OmegaClient(VendorClient client, Secret key, ZoneId zone) {
        this.client = client.judgedBy(answer -> OmegaPayloads.failure(answer).map(BodyFailure::permanent));
        this.key = key;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "omega";
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.allOf(Operation.class);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return post(client, "price", OmegaPayloads.PRICE, OmegaPayloads.priceRequest(key.reveal(), article, quantity))
                .map(OmegaPayloads::price);
    }

    @Override
    public Mono<Stock> availability(List<String> articles) {
        return PerArticle.stock(articles, article -> post(client, "availability", OmegaPayloads.STOCK,
                OmegaPayloads.stockRequest(key.reveal(), article)).map(OmegaPayloads::availability).map(Optional::of)
                .onErrorResume(VendorCallException.class, failure -> failure.outcome() == VendorCallOutcome.CLIENT_ERROR
                        && failure.responseBody().contains(OmegaPayloads.UNKNOWN_PRODUCT)
                        ? Mono.just(Optional.empty()) : Mono.error(failure)));
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return post(client.destructive(), "order", OmegaPayloads.ORDER,
                OmegaPayloads.orderRequest(key.reveal(), lines, reference)).map(answer -> OmegaPayloads.placed(answer, zone));
    }

    @Override
    public Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return post(client, "invoices", OmegaPayloads.INVOICES,
                OmegaPayloads.invoicesRequest(key.reveal(), from, LocalDate.now(zone)));
    }

    @Override
    public List<Invoice> readInvoices(JsonNode answer) {
        return OmegaPayloads.invoices(answer, zone);
    }

    private static Mono<JsonNode> post(VendorClient client, String operation, String path, Object body) {
        return client.exchange(operation, web -> web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), JsonNode.class);
    }
}
