package com.crossdock.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every vendor sandbox.
 *
 * @param receivedLogSize how many of the latest requests the received log keeps (all vendors together)
 */
@ConfigurationProperties("sandboxes")
public record SandboxProperties(@DefaultValue("500") int receivedLogSize) {
}
