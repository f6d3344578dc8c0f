package com.dealradar.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jackson's messages in problem details: what is wrong, without Jackson's own names and without a cut sentence. */
class WithoutInternalsTest {

    @Test
    void limitsAreNamedAndTheSentenceStaysWhole() {
        String cleaned = ProblemMappers.withoutInternals("Number value length (5000) exceeds the maximum allowed (1000,"
                + " from `StreamReadConstraints.getMaxNumberLength()`)");
        System.out.println("number limit: " + cleaned);
        assertThat(cleaned).isEqualTo("Number value length (5000) exceeds the maximum allowed (1000)");
        assertThat(ProblemMappers.withoutInternals(
                        "Cannot coerce Integer value (5) to `java.lang.String` value (from `java.lang.String`)"))
                .doesNotContain("java.")
                .doesNotContain("`")
                .doesNotContain("from");
    }
}
