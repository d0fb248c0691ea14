package com.crossdock.platform.vendor;

import static com.crossdock.platform.vendor.VendorProperties.first;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.platform.config.Secret;
import org.springframework.http.MediaType;

/**
 * How the requests of one vendor credential authenticate: {@code crossdock.vendors.<name>.auth.*}. The
 * credentials are {@link Secret}s: set them from the environment by relaxed binding
 * ({@code CROSSDOCK_VENDORS_PAQTANA_AUTH_TOKEN}) or from a mounted file through Spring's config tree
 * ({@code spring.config.import=configtree:/run/secrets/crossdock/}, a file named {@code crossdock.vendors.paqtana.auth.token}).
 *
 * @param style     {@code none} (default), {@code bearer}, {@code basic}, {@code headers}, {@code query}
 *                  or {@code token-exchange}
 * @param token     the token of {@code bearer} ({@code Authorization: Bearer <token>}) and {@code query}
 * @param key       {@code basic}: the user; {@code token-exchange}: the API key or OAuth2 client id, sent as
 *                  the user of the exchange's Basic authorization
 * @param secret    {@code basic}: the password; {@code token-exchange}: the API secret or client secret
 * @param parameter the query parameter that carries the token ({@code query}, and a {@code token-exchange}
 *                  placed in the query; default {@code access_token}), or the header that carries it (a
 *                  {@code token-exchange} placed in a header)
 * @param headers   {@code headers}: the headers sent on every request, by any name of yours (SERPI:
 *                  {@code secretkey} and {@code authorization} with scheme {@code Bearer}; BaseLinker:
 *                  {@code token} with name {@code X-BLToken})
 * @param exchange  {@code token-exchange}: how the token is obtained, kept and sent
 */
public record AuthProperties(
        Style style,
        Secret token,
        Secret key,
        Secret secret,
        String parameter,
        Map<String, HeaderProperties> headers,
        ExchangeProperties exchange) {

    static final AuthProperties NONE = new AuthProperties(Style.NONE, null, null, null, "access_token", null,
            ExchangeProperties.BUILT_IN);

    public AuthProperties {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The kinds of authentication a vendor client knows. */
    public enum Style {
        /** No credential (a vendor behind an IP allow-list, or one whose credential is in the body). */
        NONE,
        /** {@code Authorization: Bearer <token>} (Paqtana). */
        BEARER,
        /** {@code Authorization: Basic base64(key:secret)}. */
        BASIC,
        /** One or several named headers (SERPI: {@code secretkey} and {@code Authorization: Bearer}). */
        HEADERS,
        /** The token as a query parameter. */
        QUERY,
        /** A token obtained from the vendor with the key and secret, cached and renewed (Prodsmart, OAuth2). */
        TOKEN_EXCHANGE
    }

    /** Where an exchanged token goes on each request. */
    public enum Placement {
        /** {@code Authorization: Bearer <token>} (OAuth2). */
        BEARER,
        /** The query parameter named by {@code parameter} (Prodsmart's {@code access_token}). */
        QUERY,
        /** The header named by {@code parameter}. */
        HEADER
    }

    AuthProperties orElse(AuthProperties base) {
        Map<String, HeaderProperties> mergedHeaders = new LinkedHashMap<>(base.headers());
        headers.forEach((id, header) -> mergedHeaders.merge(id, header, (inherited, own) -> own.orElse(inherited)));
        return new AuthProperties(first(style, base.style()), first(token, base.token()), first(key, base.key()),
                first(secret, base.secret()), first(parameter, base.parameter()), mergedHeaders,
                exchange == null ? base.exchange() : exchange.orElse(base.exchange()));
    }

    /**
     * @param name   the header's name (default: the entry's own name)
     * @param scheme a word sent before the value ({@code Bearer}), or none
     * @param value  the credential
     */
    public record HeaderProperties(String name, String scheme, Secret value) {

        HeaderProperties orElse(HeaderProperties base) {
            return new HeaderProperties(first(name, base.name()), first(scheme, base.scheme()),
                    first(value, base.value()));
        }
    }

    /**
     * The token exchange. The defaults are OAuth2's client-credentials grant (RFC 6749 section 4.4: a form
     * {@code grant_type=client_credentials}, the client id and secret as Basic, {@code access_token} and
     * {@code expires_in} in the answer, the token sent as Bearer); Prodsmart sets its own
     * ({@code POST /api/authorization}, a JSON body, {@code token} in the answer, 2 hours, {@code access_token}
     * in the query).
     *
     * @param path           where the token is asked for ({@code POST}), relative to the base URL or absolute
     * @param contentType    the media type of {@code body} (default {@code application/x-www-form-urlencoded})
     * @param body           the request body, as sent (default {@code grant_type=client_credentials})
     * @param tokenField     the answer's JSON field that holds the token (default {@code access_token})
     * @param expiresInField the answer's JSON field with the token's life in seconds, when it has one
     *                       (default {@code expires_in})
     * @param life           the token's life when the answer does not say (default 1h)
     * @param renewBefore    renew this long before the end of the token's life, so that no call meets an
     *                       expired token (default 5m)
     * @param placement      where the token goes on each request: {@code bearer} (default), {@code query} or
     *                       {@code header}, named by {@code auth.parameter}
     * @param reuseExisting  ask for the account's existing token first ({@code GET} on {@code path}, same Basic
     *                       authorization) and {@code POST} a new one only when there is none, or when the vendor
     *                       answers the very token being replaced (Prodsmart: "Najpierw należy utworzyć nowy token
     *                       (lub pozyskać istniejący)", {@code GET /api/authorization}; a new token may end the older
     *                       ones, so two services of one company that each POST would knock each other out). A token
     *                       found so is kept for {@code life} from when it was found, and renewed once on a 401.
     *                       Default false (OAuth2 has no such read)
     * @param basic          send the key and secret as the exchange's Basic authorization (default true); false for a
     *                       vendor that takes them in the body instead: {@code body} may name them as {@code {key}} and
     *                       {@code {secret}}, replaced as sent (Unique Trade's login {@code {"login":"{key}","password":"{secret}"}})
     * @param refreshPath    where a token is renewed with the refresh token of the last answer ({@code POST}), for a
     *                       vendor that issues one (Unique Trade's JWT "from login + refresh token"); none by default.
     *                       A refresh the vendor refuses falls back to a new exchange
     * @param refreshBody    the refresh request's body, {@code {refresh_token}} replaced by the held refresh token (default
     *                       {@code {"refresh_token":"{refresh_token}"}}, sent as {@code application/json})
     * @param refreshTokenField the answer's JSON field that holds the refresh token (default {@code refresh_token})
     */
    public record ExchangeProperties(
            String path,
            MediaType contentType,
            String body,
            String tokenField,
            String expiresInField,
            Duration life,
            Duration renewBefore,
            Placement placement,
            Boolean reuseExisting,
            Boolean basic,
            String refreshPath,
            String refreshBody,
            String refreshTokenField) {

        static final ExchangeProperties BUILT_IN = new ExchangeProperties(null,
                MediaType.APPLICATION_FORM_URLENCODED, "grant_type=client_credentials", "access_token", "expires_in",
                Duration.ofHours(1), Duration.ofMinutes(5), Placement.BEARER, false, true, null,
                "{\"refresh_token\":\"{refresh_token}\"}", "refresh_token");

        ExchangeProperties orElse(ExchangeProperties base) {
            return new ExchangeProperties(first(path, base.path()), first(contentType, base.contentType()),
                    first(body, base.body()), first(tokenField, base.tokenField()),
                    first(expiresInField, base.expiresInField()), first(life, base.life()),
                    first(renewBefore, base.renewBefore()), first(placement, base.placement()),
                    first(reuseExisting, base.reuseExisting()), first(basic, base.basic()),
                    first(refreshPath, base.refreshPath()), first(refreshBody, base.refreshBody()),
                    first(refreshTokenField, base.refreshTokenField()));
        }
    }
}
