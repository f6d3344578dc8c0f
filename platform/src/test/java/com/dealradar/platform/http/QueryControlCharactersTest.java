package com.dealradar.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The raw pre-check may only skip decoding when no parameter can decode to a control character. */
class QueryControlCharactersTest {

    @Test
    void everyControlCharacterIsSeenEncodedInEitherCaseOrRaw() {
        int seen = 0;
        for (char c = 0; c <= 0x9f; c++) {
            if (!Character.isISOControl(c)) {
                continue;
            }
            String encoded = URLEncoder.encode("a" + c + "b", StandardCharsets.UTF_8);
            assertThat(QueryControlCharacters.mayHoldControl("q=" + encoded))
                    .as("U+%04X as %s", (int) c, encoded)
                    .isTrue();
            assertThat(QueryControlCharacters.mayHoldControl("q=" + encoded.toLowerCase(Locale.ROOT)))
                    .isTrue();
            assertThat(QueryControlCharacters.mayHoldControl("limit=5&" + encoded + "=x"))
                    .isTrue();
            assertThat(QueryControlCharacters.mayHoldControl("q=a" + c)).isTrue();
            seen++;
        }
        System.out.printf("control characters checked: %d (each encoded, lower-case encoded, in a name, raw)%n", seen);
        assertThat(seen).isEqualTo(65);
    }

    @Test
    void ordinaryQueriesAreNotDecodedAgain() {
        assertThat(QueryControlCharacters.mayHoldControl(null)).isFalse();
        assertThat(QueryControlCharacters.mayHoldControl("")).isFalse();
        assertThat(QueryControlCharacters.mayHoldControl("status=CLEARED&limit=20&cursor=eyJrIjoiYSJ9%3D"))
                .isFalse();
        assertThat(QueryControlCharacters.mayHoldControl(
                        "q=" + URLEncoder.encode("Deutsche Telekom AG / 中国移动 & Vodafone", StandardCharsets.UTF_8)))
                .isFalse();
    }
}
