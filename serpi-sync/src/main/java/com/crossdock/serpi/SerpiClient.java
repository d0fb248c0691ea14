package com.crossdock.serpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.serpi.SerpiEnvelope;
import com.crossdock.vendor.serpi.SerpiStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SERPI's calls, all through the one client {@code crossdock.vendors.serpi} (its bulkhead of one: "un mismo token no
 * puede ser consumidos de manera simultanea"), each answer judged by {@link SerpiStatus} ({@code success:false} is a
 * failure, code 204 an empty page). A read's answer comes as received and as read by the judge ({@link JsonAnswer}): it is
 * read once. Paths as serpi-articulos-api.es.txt shows them under the base URL.
 */
final class SerpiClient {

    static final String ARTICULO = "/api/v1/Articulo";
    static final String SALDO = "/api/v1/SaldoInventario";
    /** The change filter's format, in SERPI's zone. */
    static final DateTimeFormatter FILTER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final VendorClient client;
    private final JsonMapper json;

    SerpiClient(VendorClient client, JsonMapper json) {
        this.client = client.judgedBy(new SerpiStatus());
        this.json = json;
    }

    /**
     * One page of {@code GET Articulo}, sent when subscribed (as received and as read); {@code from}/{@code to} the change filter, both null for
     * every article.
     */
    Mono<JsonAnswer> articles(int limite, int pagina, LocalDateTime from, LocalDateTime to) {
        return client.exchange("getArticulo", web -> web.get().uri(uri -> {
            UriBuilder page = uri.path(ARTICULO).queryParam("limite", limite).queryParam("pagina", pagina);
            if (from != null) {
                page.queryParam("fechamodificaini", from.format(FILTER_DATE))
                        .queryParam("fechamodificafin", to.format(FILTER_DATE));
            }
            return page.build();
        }), JsonAnswer.class);
    }

    /** One page of {@code GET SaldoInventario} as of {@code corte}, every warehouse, sent when subscribed. */
    Mono<JsonAnswer> balances(LocalDate corte, int limite, int pagina) {
        return client.exchange("getSaldoInventario", web -> web.get().uri(uri -> uri.path(SALDO)
                .queryParam("fechaCorte", corte.toString()).queryParam("limite", limite)
                .queryParam("pagina", pagina).build()), JsonAnswer.class);
    }

    /**
     * {@code POST Articulo}: creates {@code articles}, sent when subscribed; what SERPI refused one by one is in the
     * envelope's errors.
     */
    Mono<SerpiEnvelope> create(List<ObjectNode> articles) {
        return write("postArticulo", articles, true);
    }

    /** {@code PUT Articulo}: modifies {@code articles} (each with SERPI's {@code id}), sent when subscribed. */
    Mono<SerpiEnvelope> update(List<ObjectNode> articles) {
        return write("putArticulo", articles, false);
    }

    /**
     * A refusal of the whole array (HTTP 400 with the envelope) whose errors name articles is read like a partial
     * success: each named article failed, the others were not refused. Anything else fails the call as it is.
     */
    private Mono<SerpiEnvelope> write(String operation, List<ObjectNode> articles, boolean create) {
        return client.exchange(operation, web -> (create ? web.post() : web.put())
                        .uri(uri -> uri.path(ARTICULO).build()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(articles), JsonNode.class)
                .map(SerpiEnvelope::read)
                .onErrorResume(VendorCallException.class, refused -> perArticle(refused).map(Mono::just)
                        .orElseGet(() -> Mono.error(refused)));
    }

    private Optional<SerpiEnvelope> perArticle(VendorCallException refused) {
        if (refused.transientFailure() || refused.responseBody() == null || refused.responseBody().isBlank()) {
            return Optional.empty();
        }
        try {
            SerpiEnvelope envelope = SerpiEnvelope.read(json.readTree(refused.responseBody()));
            return envelope.errors().isEmpty() || !envelope.generalErrors().isEmpty() ? Optional.empty()
                    : Optional.of(envelope);
        } catch (JacksonException | IllegalArgumentException notAnEnvelope) {
            return Optional.empty();
        }
    }
}
