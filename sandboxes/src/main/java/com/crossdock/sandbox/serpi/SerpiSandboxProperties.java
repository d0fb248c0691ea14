package com.crossdock.sandbox.serpi;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SERPI sandbox ({@code sandboxes.serpi.*}).
 *
 * @param tokens       each valid token with the {@code secretkey} it belongs to ({@code tokens.<token>=<key>}); a token
 *                     it does not know is 401, a key that is not the token's 403
 * @param pace         how long SERPI takes to answer one request: the time a token is in use. A second request on a
 *                     token still in use is refused ("un mismo token no puede ser consumidos de manera simultanea")
 * @param defaultLimit the page size when a read names no {@code limite}
 * @param timeZone     the zone of SERPI's dates ({@code fechamodificaini}, {@code fechamodificafin},
 *                     {@code fechaCorte}): a Colombian ERP
 */
@ConfigurationProperties("sandboxes.serpi")
public record SerpiSandboxProperties(Map<String, String> tokens, @DefaultValue("20ms") Duration pace,
        @DefaultValue("50") int defaultLimit, @DefaultValue("America/Bogota") ZoneId timeZone) {

    public SerpiSandboxProperties {
        tokens = tokens == null || tokens.isEmpty() ? Map.of("serpi-demo-token", "serpi-demo-key") : Map.copyOf(tokens);
    }

    @Override
    public String toString() {
        // the credentials are the fake's: still never in a log line
        return "SerpiSandboxProperties[tokens=" + tokens.size() + ", pace=" + pace + ", defaultLimit=" + defaultLimit
                + ", timeZone=" + timeZone + "]";
    }
}
