package com.crossdock.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SaneIdsTest {

    /** The rule as a regular expression, the reference the loop must agree with. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Test
    void takesWhatTheRuleTakes() {
        assertThat(SaneIds.isSane("3f1c9a2e-8d4b-4c1a-9f00-5b2d7e6a1c3d")).isTrue();
        assertThat(SaneIds.isSane("a.b_c:d-E9")).isTrue();
        assertThat(SaneIds.isSane("x".repeat(128))).isTrue();
    }

    @Test
    void refusesEmptyTooLongAndEveryOtherCharacter() {
        assertThat(SaneIds.isSane(null)).isFalse();
        assertThat(SaneIds.isSane("")).isFalse();
        assertThat(SaneIds.isSane("x".repeat(129))).isFalse();
        assertThat(SaneIds.isSane("a b")).isFalse();
        assertThat(SaneIds.isSane("a\nb")).isFalse();
        assertThat(SaneIds.isSane("ä")).isFalse();
    }

    @Test
    void agreesWithTheRuleOnEveryCharacter() {
        for (char c = 0; c < 0x3000; c++) {
            String id = "a" + c;
            assertThat(SaneIds.isSane(id)).as("U+%04X", (int) c).isEqualTo(RULE.matcher(id).matches());
        }
    }
}
