package com.dealradar.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void whiteSpaceAsTheContractsPatternCountsItIsStrippedAtBothEnds() {
        assertThat(VisibleText.strip("name", "\u00a0\u3000 Alibaba Cloud\u2003\ufeff\n"))
                .isEqualTo("Alibaba Cloud");
        // Inside the text it stays.
        assertThat(VisibleText.strip("name", "Deutsche\u00a0Telekom")).isEqualTo("Deutsche\u00a0Telekom");
    }

    @Test
    void textOfWhiteSpaceOnlyIsA400NamingTheField() {
        for (String blank : new String[] {"", " ", "\u2003", "\u3000", "\u00a0", "\ufeff", "\u2028\t\u205f"}) {
            assertThatThrownBy(() -> VisibleText.strip("title", blank))
                    .as("%s", blank.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.getMessage()).contains("white space"));
        }
    }
}
