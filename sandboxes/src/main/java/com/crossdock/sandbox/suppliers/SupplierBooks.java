package com.crossdock.sandbox.suppliers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.crossdock.sandbox.suppliers.SupplierBook.Article;

/**
 * The six fake suppliers' books, by the name in their prefix ({@code /suppliers/<name>}), each seeded with the same
 * two demo articles at its own prices and stock, so a quote across suppliers has something to compare: {@code OC90}
 * (an oil filter) and {@code GDB1330} (brake pads). Vesna's prices are in EUR ("лише з валютою EURO") and its stock
 * says {@code ">10"} where it has plenty.
 */
public final class SupplierBooks {

    public static final String OMEGA = "omega";
    public static final String ELIT = "elit";
    public static final String BUSMARKET = "busmarket";
    public static final String UNIQUE_TRADE = "uniquetrade";
    public static final String VESNA = "vesna";
    public static final String INTERCARS = "intercars";

    private final Map<String, SupplierBook> books = new LinkedHashMap<>();

    public SupplierBooks() {
        add(OMEGA, "UAH", "412.50", "388.00", Map.of("Київ", "7", "Львів", "2"));
        add(ELIT, "UAH", "405.00", "395.10", Map.of("Київ-Центр", "12", "Одеса", "0"));
        add(BUSMARKET, "UAH", "399.90", "401.00", Map.of("Бровари", "3"));
        add(UNIQUE_TRADE, "UAH", "420.00", "379.00", Map.of("Харків", "5", "Дніпро", "1"));
        add(VESNA, "EUR", "9.40", "8.75", Map.of("Вінниця", ">10", "Житомир", "4"));
        add(INTERCARS, "UAH", "409.00", "384.50", Map.of("Київ", "20", "Рівне", "6"));
    }

    private void add(String name, String currency, String oilFilter, String brakePads, Map<String, String> stock) {
        books.put(name, new SupplierBook(name, Map.of(
                "OC90", new Article(new BigDecimal(oilFilter), currency, new LinkedHashMap<>(stock)),
                "GDB1330", new Article(new BigDecimal(brakePads), currency, new LinkedHashMap<>(stock)))));
    }

    public SupplierBook book(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no supplier " + name));
    }

    public Optional<SupplierBook> find(String name) {
        return Optional.ofNullable(books.get(name));
    }

    /** The prefix of a supplier's fake: {@code suppliers/<name>}. */
    public static String prefix(String name) {
        return "suppliers/" + name;
    }
}
