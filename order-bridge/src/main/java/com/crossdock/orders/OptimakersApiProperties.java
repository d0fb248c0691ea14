package com.crossdock.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optimakers' REST paths ({@code crossdock.optimakers.api.*}): not public (VENDORS.md), so each is a setting, relative
 * to the instance's address {@code crossdock.vendors.optimakers.base-url} ("OPTIMES_URL – adres instancji systemu
 * Optimakers"). The API key of an employee record ("OPTIMES_API_KEY … Pracownicy … Klucz API") is the vendor
 * client's {@code crossdock.vendors.optimakers.auth.headers.apikey.value}.
 *
 * @param createOrder  {@code POST}: creates an order
 * @param findOrders   {@code GET}: the orders with an external reference, {@code {externalId}} in it
 * @param order        {@code GET}: one order, {@code {id}} in it
 * @param product      {@code GET}: one product, {@code {id}} in it
 */
@ConfigurationProperties("crossdock.optimakers.api")
public record OptimakersApiProperties(@DefaultValue("/api/orders") String createOrder,
        @DefaultValue("/api/orders?externalId={externalId}") String findOrders,
        @DefaultValue("/api/orders/{id}") String order,
        @DefaultValue("/api/products/{id}") String product) {
}
