package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record key read in one streaming pass (issue 15) is the one the JSON tree gave: the last top-level {@code id},
 * an integer as written or a usable string, and none for a body that is not one well-formed JSON object.
 */
class ProdsmartRecordKeyTest {

    private final ProdsmartRecordKey key = new ProdsmartRecordKey();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            {"id":1234,"code":"V23076"}                          | 1234
            {"code":"V23076","id":"PO-7"}                        | PO-7
            {"id":123456789012345678901234567890}                | 123456789012345678901234567890
            {"id":-0}                                            | 0
            {"products":[{"id":9}],"nested":{"id":8},"id":7}     | 7
            {"id":1,"id":2}                                      | 2
            {"id":1,"id":{"x":1}}                                | NONE
            {"id":1.5}                                           | NONE
            {"id":null}                                          | NONE
            {"id":true}                                          | NONE
            {"id":"   "}                                         | NONE
            {"id":[1]}                                           | NONE
            {"code":"no id"}                                     | NONE
            [{"id":1}]                                           | NONE
            "id"                                                 | NONE
            {"id":1} {"id":2}                                    | NONE
            {"id":1,"broken":                                    | NONE
            {"id":1,"products":[1,2}                             | NONE
            not json                                             | NONE
            """)
    void isTheLastTopLevelIdOfAWellFormedObject(String body, String expected) {
        assertThat(key.check("productionOrder/update", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "a string id of {0} characters")
    @CsvSource({"128, true", "129, false"})
    void aStringIdIsKeptUpTo128Characters(int length, boolean kept) {
        String id = "x".repeat(length);
        assertThat(key.check("productionOrder/update", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(kept ? Optional.of(id) : Optional.empty());
    }

    @ParameterizedTest(name = "an empty body")
    @CsvSource(value = "''", emptyValue = "")
    void anEmptyBodyHasNoKey(String body) {
        assertThat(key.check("productionOrder/update", body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
