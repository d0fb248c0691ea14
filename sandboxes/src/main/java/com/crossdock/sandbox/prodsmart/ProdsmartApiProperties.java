package com.crossdock.sandbox.prodsmart;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart API sandbox ({@code sandboxes.prodsmart.api.*}): one company, its credential, its limits.
 *
 * @param key           the API key of the company (Basic auth user)
 * @param secret        the API secret (Basic auth password), which also signs the webhooks, as at Prodsmart (the
 *                      receiver must be configured with the same)
 * @param tokenLife     how long a token lives; Prodsmart: 2 hours ("Token uwierzytelniania zachowuje ważność
 *                      przez 2 godziny")
 * @param rateLimit     requests per {@code ratePeriod} per company; Prodsmart: 120 per minute
 * @param ratePeriod    the sliding window of the limit
 * @param pageSize      items per feed call and per list page; Prodsmart: 25
 * @param feedRetention how long an unread change stays in a feed; Prodsmart: 24 hours
 * @param channels      the company's change channels, name to type; Prodsmart allows 3 per organisation
 * @param singleToken   true: a new token ({@code POST /api/authorization}) invalidates every older one, so the company
 *                      holds one token at a time (the document speaks of "the existing token", {@code GET
 *                      /api/authorization}); two clients that each POST then knock each other out. Default false:
 *                      older tokens stay valid until the end of their life
 */
@ConfigurationProperties("sandboxes.prodsmart.api")
public record ProdsmartApiProperties(
        @DefaultValue("prodsmart-demo-key") String key,
        @DefaultValue("prodsmart-demo-secret") String secret,
        @DefaultValue("2h") Duration tokenLife,
        @DefaultValue("120") int rateLimit,
        @DefaultValue("1m") Duration ratePeriod,
        @DefaultValue("25") int pageSize,
        @DefaultValue("24h") Duration feedRetention,
        Map<String, ChannelType> channels,
        @DefaultValue("false") boolean singleToken) {

    static final int MAX_CHANNELS = 3;

    public ProdsmartApiProperties {
        channels = channels == null || channels.isEmpty()
                ? Map.of("stock", ChannelType.STOCK, "production-orders", ChannelType.PRODUCTION_ORDER,
                        "products", ChannelType.PRODUCT)
                : Map.copyOf(channels);
        if (channels.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("Prodsmart allows " + MAX_CHANNELS
                    + " change channels per organisation; sandboxes.prodsmart.api.channels names " + channels.size());
        }
    }

    @Override
    public String toString() {
        // the credentials are the fake company's: still never in a log line. A vendor fake keeps no dependency on
        // Crossdock's platform (its Secret type included), so that it cannot share code with the clients it tests.
        return "ProdsmartApiProperties[key=***, secret=***, tokenLife=" + tokenLife + ", rateLimit=" + rateLimit + "/"
                + ratePeriod + ", pageSize=" + pageSize + ", feedRetention=" + feedRetention + ", channels=" + channels + ", singleToken=" + singleToken + "]";
    }
}
