package com.dealradar.platform.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void valuesMustMatchTheirPrecision() {
        assertThat(Precision.year.firstDay("2017")).contains(LocalDate.of(2017, 1, 1));
        assertThat(Precision.month.firstDay("2017-06")).contains(LocalDate.of(2017, 6, 1));
        assertThat(Precision.day.firstDay("2017-06-12")).contains(LocalDate.of(2017, 6, 12));
        assertThat(Precision.year.firstDay("2017-06")).isEmpty();
        assertThat(Precision.month.firstDay("2017")).isEmpty();
        assertThat(Precision.month.firstDay("2017-13")).isEmpty();
        assertThat(Precision.day.firstDay("2017-02-30")).isEmpty();
        assertThat(Precision.day.firstDay("17-02-03")).isEmpty();
        assertThat(Precision.day.firstDay(null)).isEmpty();
    }

    @Test
    void formatsBack() {
        assertThat(Precision.year.format(LocalDate.of(2016, 1, 1))).isEqualTo("2016");
        assertThat(Precision.month.format(LocalDate.of(2018, 7, 1))).isEqualTo("2018-07");
        assertThat(Precision.day.format(LocalDate.of(2017, 3, 27))).isEqualTo("2017-03-27");
    }

    @Test
    void checksAlignment() {
        assertThat(Precision.month.isAligned(LocalDate.of(2018, 7, 1))).isTrue();
        assertThat(Precision.month.isAligned(LocalDate.of(2018, 7, 2))).isFalse();
        assertThat(Precision.year.isAligned(LocalDate.of(2018, 2, 1))).isFalse();
        assertThat(Precision.year.lastDay(LocalDate.of(2016, 1, 1))).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(Precision.month.lastDay(LocalDate.of(2016, 2, 1))).isEqualTo(LocalDate.of(2016, 2, 29));
    }
}
