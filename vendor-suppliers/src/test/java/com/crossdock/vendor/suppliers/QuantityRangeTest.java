package com.crossdock.vendor.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuantityRangeTest {

    @Test
    void keepsVesnasMoreThanTenAsARangeWithoutGuessing() {
        QuantityRange range = QuantityRange.parse(">10");
        assertThat(range.min()).isEqualByComparingTo("10");
        assertThat(range.min().toPlainString()).isEqualTo("10");
        assertThat(range.minExclusive()).isTrue();
        assertThat(range.max()).isNull();
        assertThat(range.exact()).isFalse();
        assertThat(range.atLeast()).isEqualByComparingTo("11");
        assertThat(range.stated()).isEqualTo(">10");
    }

    @Test
    void readsExactCountsAndUpperBounds() {
        assertThat(QuantityRange.parse("4").exact()).isTrue();
        assertThat(QuantityRange.exactly(new BigDecimal("20.000")).max().toPlainString()).isEqualTo("20");
        QuantityRange fewer = QuantityRange.parse("<5");
        assertThat(fewer.max()).isEqualByComparingTo("5");
        assertThat(fewer.maxExclusive()).isTrue();
        assertThat(fewer.atLeast()).isEqualByComparingTo("0");
        assertThat(QuantityRange.parse("10+").covers(new BigDecimal("10"))).isTrue();
    }

    @Test
    void refusesWhatIsNoQuantity() {
        assertThatThrownBy(() -> QuantityRange.parse("plenty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plenty");
    }
}
