package com.crossdock.sandbox;

import org.springframework.http.HttpStatus;

/**
 * A refusal the kit answers on a vendor's behalf (an auth gate said no), before any vendor code runs; the
 * vendor's {@link VendorErrorWriter} puts it in the vendor's own error shape.
 *
 * @param status  the HTTP status the vendor answers (401, 403, ...)
 * @param message what went wrong, never a credential
 */
public record VendorError(HttpStatus status, String message) {
}
