package com.crossdock.paqtana.json;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;

/** Field writing shared by Paqtana's row writers: nulls are written as null, decimals without trailing zeros. */
public final class JsonFields {

    private JsonFields() {
    }

    public static void string(JsonGenerator generator, String name, String value) {
        if (value == null) {
            generator.writeNullProperty(name);
        } else {
            generator.writeStringProperty(name, value);
        }
    }

    public static void number(JsonGenerator generator, String name, BigDecimal value) {
        generator.writeName(name);
        number(generator, value);
    }

    public static void number(JsonGenerator generator, BigDecimal value) {
        if (value == null) {
            generator.writeNull();
        } else {
            // 12.500000 (Avro scale 6) is sent as 12.5; always plain notation, never 1E+1
            generator.writeNumber(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
    }

    public static void integer(JsonGenerator generator, String name, Integer value) {
        if (value == null) {
            generator.writeNullProperty(name);
        } else {
            generator.writeNumberProperty(name, value.intValue());
        }
    }
}
