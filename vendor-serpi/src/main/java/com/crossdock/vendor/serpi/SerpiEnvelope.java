package com.crossdock.vendor.serpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The envelope of every SERPI answer, {@code {success, code, errors, message, result}}
 * (serpi-articulos-api.es.txt, "Response"): {@code success:false} is a failure whatever the HTTP status; code 204
 * ("No se encontraron registros") is an empty result, not an error; {@code errors} lists what went wrong, per
 * article in a POST or PUT of several.
 *
 * @param success whether SERPI did what was asked (for a batch: at least part of it, see {@link #errors})
 * @param code    SERPI's own status code (200, 201, 204, 400, ...)
 * @param errors  what went wrong, each naming its article's {@code codigo} where SERPI says it
 * @param message SERPI's message ("Se crearon 9 de 10 articulos")
 * @param result  the records of a read; empty for 204 and for writes
 */
public record SerpiEnvelope(boolean success, int code, List<Error> errors, String message, List<JsonNode> result) {

    /** SERPI's code for "no records": an empty page, not a failure. */
    public static final int NO_RECORDS = 204;

    private static final Pattern CODIGO_IN_TEXT = Pattern.compile("(?i)c[oó]digo\\W{0,3}([A-Za-z0-9._/-]+)");

    public SerpiEnvelope {
        errors = List.copyOf(errors);
        result = List.copyOf(result);
    }

    /** Reads an answer; the fields the document shows on every answer ({@code success}, {@code code}) are required. */
    public static SerpiEnvelope read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidPayloadException("body", "is not a SERPI envelope {success, code, ...}");
        }
        JsonNode success = body.get("success");
        if (success == null || !success.isBoolean()) {
            throw new InvalidPayloadException("success", "is required (true or false)");
        }
        JsonNode code = body.get("code");
        if (code == null || !code.canConvertToInt()) {
            throw new InvalidPayloadException("code", "is required (an integer)");
        }
        List<Error> errors = new ArrayList<>();
        JsonNode errorList = body.path("errors");
        if (errorList.isArray()) {
            errorList.forEach(error -> errors.add(Error.of(error)));
        } else if (errorList.isString() && !errorList.asString().isBlank()) {
            errors.add(Error.of(errorList));
        }
        List<JsonNode> records = new ArrayList<>();
        JsonNode result = body.path("result");
        if (code.asInt() != NO_RECORDS && result.isArray()) {
            result.forEach(records::add);
        } else if (code.asInt() != NO_RECORDS && result.isObject()) {
            records.add(result);
        }
        return new SerpiEnvelope(success.asBoolean(), code.asInt(), errors, body.path("message").asString(""),
                records);
    }

    /** Code 204: "No se encontraron registros". */
    public boolean noRecords() {
        return code == NO_RECORDS;
    }

    /** The errors that name article {@code codigo}. */
    public List<Error> errorsOf(String codigo) {
        return errors.stream().filter(error -> error.codigo().filter(codigo::equals).isPresent()).toList();
    }

    /** The errors that name no article: they concern the whole request. */
    public List<Error> generalErrors() {
        return errors.stream().filter(error -> error.codigo().isEmpty()).toList();
    }

    /** What SERPI said, for a log line or a dead letter. */
    public String describe() {
        return "SERPI code " + code + ": " + message + (errors.isEmpty() ? "" : " " + errors.stream()
                .map(Error::message).toList());
    }

    /**
     * One entry of {@code errors}. The document shows the list only empty; an entry is read as an object with
     * {@code codigo} and {@code mensaje} (or {@code message}), or as text that names "codigo X".
     */
    public record Error(Optional<String> codigo, String message) {

        static Error of(JsonNode error) {
            if (error.isObject()) {
                String codigo = error.path("codigo").asString("");
                String message = error.path("mensaje").asString(error.path("message").asString(error.toString()));
                return new Error(codigo.isBlank() ? Optional.empty() : Optional.of(codigo), message);
            }
            String text = error.asString(error.toString());
            Matcher named = CODIGO_IN_TEXT.matcher(text);
            return new Error(named.find() ? Optional.of(named.group(1)) : Optional.empty(), text);
        }
    }
}
