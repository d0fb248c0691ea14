package com.crossdock.ingress.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.crossdock.platform.config.Secret;
import org.springframework.http.HttpHeaders;

/**
 * How a provider proves a delivery is its own: an HMAC over the raw body bytes ({@link #hmac}) or a shared token
 * in a header or in the JSON body ({@link #token}); either way compared in constant time. The credential never
 * reaches the raw record: its headers are not kept, and a token in the body is replaced there.
 */
public abstract sealed class WebhookAuthentication permits HmacSignature, SharedToken {

    /** The result of a check: the problem's type says missing or invalid, so a sender can tell them apart. */
    enum Outcome { VERIFIED, MISSING, INVALID }

    /**
     * An HMAC over the raw body bytes in one or more headers, each with its algorithms (the one used is chosen by
     * the decoded digest's length) and optional prefix (such as {@code sha256=}), written in any of
     * {@code encodings}; authentic when a configured header present matches.
     */
    public static WebhookAuthentication hmac(Secret secret, List<SignatureHeader> headers,
            Set<SignatureEncoding> encodings) {
        return new HmacSignature(secret, headers, encodings);
    }

    /** A shared token, compared in constant time, in a header or a top-level field of the JSON body. */
    public static WebhookAuthentication token(Secret token, RequestField where) {
        return new SharedToken(token, where);
    }

    private final Rejection missing;
    private final String missingDetail;
    private final Rejection invalid;
    private final String invalidDetail;
    private final String problemField;

    /**
     * @param missingDetail what a refusal for a missing credential says was expected; never the credential
     * @param problemField  the {@code field} a refusal names
     */
    WebhookAuthentication(Rejection missing, String missingDetail, Rejection invalid, String invalidDetail,
            String problemField) {
        this.missing = missing;
        this.missingDetail = missingDetail;
        this.invalid = invalid;
        this.invalidDetail = invalidDetail;
        this.problemField = problemField;
    }

    abstract Outcome verify(HttpHeaders headers, byte[] body, BodyFields fields);

    /** Whether a (lower-case) request header carries the credential: such a header is never kept. */
    abstract boolean carries(String header);

    /** The body field that carries the credential, read before the check and replaced in the stored body. */
    abstract Optional<String> bodyField();

    /** Throws the refusal of an outcome other than {@link Outcome#VERIFIED}, counted and logged by {@code refuse}. */
    final void require(Outcome outcome, Refuse refuse) {
        if (outcome == Outcome.MISSING) {
            throw refuse.with(missing, missingDetail, problemField);
        }
        if (outcome == Outcome.INVALID) {
            throw refuse.with(invalid, invalidDetail, problemField);
        }
    }

    /** How the intake turns a rejection into its answer. */
    @FunctionalInterface
    interface Refuse {
        RuntimeException with(Rejection rejection, String detail, String field);
    }
}
