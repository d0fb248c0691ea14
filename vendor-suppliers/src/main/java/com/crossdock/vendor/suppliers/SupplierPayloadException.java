package com.crossdock.vendor.suppliers;

/**
 * A supplier's answer that does not have the shape its reader expects, naming the field at fault
 * ({@code Result.Branches[1].Quantity: is required}).
 */
public class SupplierPayloadException extends RuntimeException {

    private final String field;

    public SupplierPayloadException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The path of the field at fault in the supplier's answer. */
    public String field() {
        return field;
    }
}
