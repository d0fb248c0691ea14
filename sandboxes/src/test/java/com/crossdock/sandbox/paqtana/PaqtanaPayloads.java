package com.crossdock.sandbox.paqtana;

/** JSON bodies for the Paqtana tests, shaped like the client code in VENDORS.md. */
final class PaqtanaPayloads {

    private PaqtanaPayloads() {
    }

    static String inventoryRow(String code, String workspace, int onHand) {
        return """
                {"location":"WH1","code":"%s","description":"Widget %s","materialType":"finished",
                 "multipleOrderQuantity":10,"currency":"EUR","unitCost":2.5,"minimumOrderQuantity":20,
                 "unitOfMeasure":"pcs","supplyLeadTime":7,"onHandStock":%d,"transitStock":0,
                 "openDemandOrders":3,"additionalColumns":[],"workspaceCode":"%s"}"""
                .formatted(code, code, onHand, workspace);
    }

    static String demandRow(String code, String workspace, String dates, String quantities) {
        return """
                {"location":"WH1","code":"%s","workspaceCode":"%s","dates":[%s],"quantities":[%s]}"""
                .formatted(code, workspace, dates, quantities);
    }

    static String data(String... rows) {
        return "{\"data\":[" + String.join(",", rows) + "]}";
    }
}
