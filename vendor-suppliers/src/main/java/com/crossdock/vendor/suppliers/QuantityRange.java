package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantity as a supplier states it, kept as a range rather than guessed: Vesna writes ">10" where it will not say
 * how many (carbook-supplier-apis.uk.txt; VENDORS.md "quantities may be strings like \">10\""), which is
 * {@code min 10 exclusive, no max}; an exact count is {@code min = max}. A consumer that must pick one number takes
 * {@link #atLeast()}, the most that is certain.
 *
 * @param min          the lower bound (0 when the supplier states only an upper one)
 * @param minExclusive whether {@code min} itself is excluded ({@code >10})
 * @param max          the upper bound, null when there is none ({@code >10})
 * @param maxExclusive whether {@code max} itself is excluded ({@code <5})
 * @param stated       the quantity exactly as the supplier wrote it
 */
public record QuantityRange(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive, String stated) {

    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|>|<|\\+)?\\s*(\\d+(?:[.,]\\d+)?)\\s*(\\+)?\\s*");

    /** An exact count. */
    public static QuantityRange exactly(BigDecimal quantity) {
        BigDecimal value = plain(quantity);
        return new QuantityRange(value, false, value, false, value.toPlainString());
    }

    /**
     * Reads {@code 3}, {@code 3.5}, {@code >10}, {@code >=10}, {@code 10+}, {@code <5}, {@code <=5}.
     *
     * @throws IllegalArgumentException for anything else (the caller names the field)
     */
    public static QuantityRange parse(String stated) {
        Matcher form = FORM.matcher(stated == null ? "" : stated);
        if (!form.matches()) {
            throw new IllegalArgumentException("'" + stated + "' is not a quantity (a number, or >n, >=n, n+, <n, <=n)");
        }
        BigDecimal value = plain(new BigDecimal(form.group(2).replace(',', '.')));
        String sign = form.group(1) != null ? form.group(1) : form.group(3);
        if (sign == null) {
            return new QuantityRange(value, false, value, false, stated.trim());
        }
        return switch (sign) {
            case ">" -> new QuantityRange(value, true, null, false, stated.trim());
            case ">=", "+" -> new QuantityRange(value, false, null, false, stated.trim());
            case "<" -> new QuantityRange(BigDecimal.ZERO, false, value, true, stated.trim());
            default -> new QuantityRange(BigDecimal.ZERO, false, value, false, stated.trim());
        };
    }

    /** Without trailing zeros, never in exponent form ({@code 10}, not {@code 1E+1}). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether the supplier stated an exact count. */
    public boolean exact() {
        return max != null && min.compareTo(max) == 0 && !minExclusive && !maxExclusive;
    }

    /** The smallest whole count the statement guarantees ({@code >10} is 11, {@code <5} is 0). */
    public BigDecimal atLeast() {
        return minExclusive ? min.add(BigDecimal.ONE).setScale(0, java.math.RoundingMode.FLOOR) : min;
    }

    /** Whether at least {@code wanted} are certainly there. */
    public boolean covers(BigDecimal wanted) {
        return atLeast().compareTo(wanted) >= 0;
    }
}
