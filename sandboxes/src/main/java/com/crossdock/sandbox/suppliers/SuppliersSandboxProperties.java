package com.crossdock.sandbox.suppliers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credentials the six fake suppliers accept ({@code sandboxes.suppliers.*}), demo values for a fake: override them
 * by the relaxed environment form ({@code SANDBOXES_SUPPLIERS_OMEGA_KEY}).
 *
 * @param omega       Omega: the client key it expects inside every body, and the callers' IP allow-list
 * @param elit        Elit: the eCat login and password
 * @param busmarket   BusMarket: the key, when it expires, and the quota
 * @param uniqueTrade Unique Trade: the login and password its JWTs are issued for, and their life
 * @param vesna       Vesna: the token and the customer id
 * @param intercars   Inter Cars: the OAuth2 client id and secret, and the tokens' life
 */
@ConfigurationProperties("sandboxes.suppliers")
public record SuppliersSandboxProperties(
        @DefaultValue Omega omega,
        @DefaultValue Elit elit,
        @DefaultValue BusMarket busmarket,
        @DefaultValue UniqueTrade uniqueTrade,
        @DefaultValue Vesna vesna,
        @DefaultValue InterCars intercars) {

    /**
     * @param key        the client key, inside every JSON body as {@code Key}
     * @param allowedIps the callers Omega serves ("ваш менеджер CARBOOK надасть ip адресу, яка необхідна буде для
     *                   формування токену"): any other address is refused with 403; changed at run time with
     *                   {@code PUT /suppliers/omega/_sandbox/allowed-ips}
     */
    public record Omega(@DefaultValue("omega-demo-key") String key,
            @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> allowedIps) {
    }

    /** @param login the eCat login @param password its password */
    public record Elit(@DefaultValue("elit-demo-login") String login, @DefaultValue("elit-demo-password") String password) {
    }

    /**
     * @param key          the key, sent as {@code Authorization: <key>}
     * @param keyExpiresOn the last day the key works (keys live a year); default a year from the sandbox's start
     * @param rateLimit    requests per {@code ratePeriod} (a fixed window, told in {@code X-RateLimit-*})
     * @param ratePeriod   the quota's window
     */
    public record BusMarket(@DefaultValue("busmarket-demo-key") String key, LocalDate keyExpiresOn,
            @DefaultValue("600") int rateLimit, @DefaultValue("1m") Duration ratePeriod) {
    }

    /** @param login the login @param password its password @param tokenLife an access JWT's life */
    public record UniqueTrade(@DefaultValue("unique-demo-login") String login,
            @DefaultValue("unique-demo-password") String password, @DefaultValue("15m") Duration tokenLife) {
    }

    /** @param token sent as {@code Authorization: Token <t>} @param customerId the customer's id, on every call */
    public record Vesna(@DefaultValue("vesna-demo-token") String token, @DefaultValue("4711") String customerId) {
    }

    /** @param clientId ClientID @param clientSecret ClientSecret @param tokenLife an access token's life */
    public record InterCars(@DefaultValue("intercars-demo-client") String clientId,
            @DefaultValue("intercars-demo-secret") String clientSecret, @DefaultValue("1h") Duration tokenLife) {
    }
}
