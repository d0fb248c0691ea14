package com.crossdock.sandbox.serpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * SERPI's articles API as serpi-articulos-api.es.txt describes it ({@code GET|POST|PUT /serpi/api/v1/Articulo}), and
 * {@code GET /serpi/api/v1/SaldoInventario?fechaCorte=} (VENDORS.md, from client code). Every answer is the envelope
 * {@code {success, code, errors, message, result}}; "no records" is HTTP 200 with {@code code: 204} (the document
 * shows a body, which an HTTP 204 cannot carry). The kit's gate checks {@code secretkey} and the Bearer token first;
 * {@link TokenFilter} takes the token on the request's arrival (a second request on it meanwhile is refused), and
 * here the answer is built after the sandbox's pace.
 */
@RestController
class SerpiApiController {

    static final String ARTICULO = "/serpi/api/v1/Articulo";
    static final String SALDO = "/serpi/api/v1/SaldoInventario";

    /** The filter dates: a day, or a day and time ({@code 2026-12-01 08:30:00}; {@code T} accepted), SERPI's zone. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    private final SerpiStore store;
    private final TokenInUse tokens;
    private final SerpiSandboxProperties properties;

    SerpiApiController(SerpiStore store, TokenInUse tokens, SerpiSandboxProperties properties) {
        this.store = store;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** "API Consultar(GET)": {@code limite}, {@code pagina}, {@code codigo} (int), and the change filter. */
    @GetMapping(ARTICULO)
    Mono<ResponseEntity<Map<String, Object>>> articles(ServerWebExchange exchange,
            @RequestParam Map<String, String> query) {
        return serve(exchange, () -> {
            Paging paging = Paging.of(query, properties.defaultLimit());
            String codigo = query.get("codigo");
            if (codigo != null && !codigo.matches("-?\\d+")) {
                throw new BadRequest("Codigo debe ser un entero (int): " + codigo);
            }
            LocalDateTime from = date(query, "fechamodificaini");
            LocalDateTime to = date(query, "fechamodificafin");
            Predicate<LocalDateTime> within = at -> (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
            List<?> records = store.articles(
                    article -> codigo == null || codigo.equals(article.path("codigo").asString()), within,
                    (paging.pagina() - 1) * paging.limite(), paging.limite());
            return page(records);
        });
    }

    /** "API Crear(POST)": an array of articles; each is created or named in {@code errors}. */
    @PostMapping(ARTICULO)
    Mono<ResponseEntity<Map<String, Object>>> create(ServerWebExchange exchange, @RequestBody JsonNode body) {
        return serve(exchange, () -> write(body, store::create, 201, "Se crearon %d de %d articulos"));
    }

    /** "API Modificar(PUT)": an array of articles with {@code id}; each is modified or named in {@code errors}. */
    @PutMapping(ARTICULO)
    Mono<ResponseEntity<Map<String, Object>>> update(ServerWebExchange exchange, @RequestBody JsonNode body) {
        return serve(exchange, () -> write(body, store::update, 200, "Se modificaron %d de %d articulos"));
    }

    /** Balances per article and warehouse as of {@code fechaCorte} (required), {@code idBodega} optional, paged. */
    @GetMapping(SALDO)
    Mono<ResponseEntity<Map<String, Object>>> balances(ServerWebExchange exchange,
            @RequestParam Map<String, String> query) {
        return serve(exchange, () -> {
            Paging paging = Paging.of(query, properties.defaultLimit());
            String corte = query.get("fechaCorte");
            if (corte == null || corte.isBlank()) {
                throw new BadRequest("fechaCorte es requerido");
            }
            try {
                LocalDate.parse(corte);
            } catch (DateTimeParseException e) {
                throw new BadRequest("fechaCorte no es una fecha (yyyy-MM-dd): " + corte);
            }
            String bodega = query.get("idBodega");
            if (bodega != null && !bodega.matches("\\d+")) {
                throw new BadRequest("idBodega debe ser un entero: " + bodega);
            }
            return page(paging, store.balances(bodega));
        });
    }

    /** The answer on the request's token ({@link TokenFilter} took it on the request's arrival), after the pace. */
    private Mono<ResponseEntity<Map<String, Object>>> serve(ServerWebExchange exchange,
            Supplier<ResponseEntity<Map<String, Object>>> answer) {
        TokenInUse.Use use = exchange.getRequiredAttribute(TokenFilter.USE);
        return use.answer(() -> {
            try {
                return answer.get();
            } catch (BadRequest bad) {
                return envelope(HttpStatus.BAD_REQUEST, false, 400, List.of(bad.getMessage()), bad.getMessage(), null);
            }
        });
    }

    private ResponseEntity<Map<String, Object>> write(JsonNode body, java.util.function.Function<JsonNode, String> op,
            int code, String message) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw new BadRequest("el cuerpo debe ser un arreglo de articulos");
        }
        List<Object> errors = new ArrayList<>();
        int done = 0;
        for (JsonNode article : body) {
            String error = op.apply(article);
            if (error == null) {
                done++;
            } else {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("codigo", article.path("codigo").asString(""));
                named.put("mensaje", error);
                errors.add(named);
            }
        }
        String text = String.format(message, done, body.size());
        return done == 0 ? envelope(HttpStatus.BAD_REQUEST, false, 400, errors, text, null)
                : envelope(HttpStatus.OK, true, code, errors, text, null);
    }

    private static ResponseEntity<Map<String, Object>> page(Paging paging, List<?> all) {
        int from = (paging.pagina() - 1) * paging.limite();
        return page(from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + paging.limite())));
    }

    /** One page's records as the envelope: "no records" ({@code code: 204}) when there are none. */
    private static ResponseEntity<Map<String, Object>> page(List<?> records) {
        if (records.isEmpty()) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("success", true);
            none.put("code", 204);
            none.put("message", "No se encontraron registros");
            return ResponseEntity.ok(none);
        }
        return envelope(HttpStatus.OK, true, 200, null, records.size() + " registro(s) encontrados",
                new ArrayList<>(records));
    }

    static ResponseEntity<Map<String, Object>> envelope(HttpStatus status, boolean success, int code, List<?> errors,
            String message, List<?> result) {
        return ResponseEntity.status(status).body(body(success, code, errors, message, result));
    }

    /** SERPI's envelope: {@code {success, code, errors, message, result}}. */
    static Map<String, Object> body(boolean success, int code, List<?> errors, String message, List<?> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("code", code);
        body.put("errors", errors);
        body.put("message", message);
        body.put("result", result);
        return body;
    }

    private static LocalDateTime date(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " no es una fecha (yyyy-MM-dd HH:mm:ss): " + value);
        }
    }

    /** "Límite int", "Página int": positive integers. */
    record Paging(int limite, int pagina) {

        static Paging of(Map<String, String> query, int defaultLimit) {
            return new Paging(positive(query, "limite", defaultLimit), positive(query, "pagina", 1));
        }

        private static int positive(Map<String, String> query, String name, int absent) {
            String value = query.get(name);
            if (value == null) {
                return absent;
            }
            if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
                throw new BadRequest(name + " debe ser un entero mayor que 0: " + value);
            }
            return Integer.parseInt(value);
        }
    }

    /** A request SERPI refuses with 400 and its envelope. */
    static final class BadRequest extends RuntimeException {

        BadRequest(String message) {
            super(message);
        }
    }
}
