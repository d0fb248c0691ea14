package com.crossdock.schemas;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer location of an Avro incompatibility ({@code /fields/2/type}) into the dotted
 * field path of the reader schema ({@code productCode}), so that a gate failure names the field.
 */
final class FieldPath {

    private FieldPath() {
    }

    static String of(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] segments = location.split("/");
        for (int i = 0; i < segments.length && schema != null; i++) {
            String segment = segments[i];
            if ("fields".equals(segment) && i + 1 < segments.length && schema.getType() == Schema.Type.RECORD) {
                Schema.Field field = schema.getFields().get(Integer.parseInt(segments[++i]));
                names.add(field.name());
                schema = field.schema();
            } else if ("items".equals(segment) && schema.getType() == Schema.Type.ARRAY) {
                schema = schema.getElementType();
            } else if ("values".equals(segment) && schema.getType() == Schema.Type.MAP) {
                schema = schema.getValueType();
            } else if (segment.matches("\\d+") && schema.getType() == Schema.Type.UNION) {
                schema = schema.getTypes().get(Integer.parseInt(segment));
            }
        }
        return names.isEmpty() ? "(record)" : String.join(".", names);
    }
}
