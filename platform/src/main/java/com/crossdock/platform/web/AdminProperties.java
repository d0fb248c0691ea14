package com.crossdock.platform.web;

import com.crossdock.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin endpoints' credential ({@code crossdock.admin.*}), one per service: every route under {@code /admin/}
 * (such as {@code POST /admin/prodsmart/reconciliation}) asks for it as {@code Authorization: Bearer <token>}, like
 * the operator's API.
 *
 * @param token the bearer token the admin routes accept ({@code CROSSDOCK_ADMIN_TOKEN}, or the file
 *              {@code crossdock.admin.token} of the mounted Secret). Unset or blank: the admin routes are off and
 *              answer 403 saying so; the rest of the service works as before
 */
@ConfigurationProperties("crossdock.admin")
public record AdminProperties(Secret token) {

    /** Whether a usable token is configured. */
    boolean enabled() {
        return token != null && !token.isBlank();
    }
}
