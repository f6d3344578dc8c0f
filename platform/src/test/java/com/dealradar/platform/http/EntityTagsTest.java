package com.dealradar.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        assertThatThrownBy(() -> EntityTags.requireMatch(null, 3))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> EntityTags.requireMatch("\"2\"", 3))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatCode(() -> EntityTags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        // RFC 9110 13.1.1: If-Match compares strongly; a weak tag never authorises a write.
        for (String weak : new String[] {"W/\"3\"", "\"1\", W/\"3\""}) {
            assertThatThrownBy(() -> EntityTags.requireMatch(weak, 3))
                    .as(weak)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        }
        // If-None-Match compares weakly.
        assertThat(EntityTags.okOrNotModified("W/\"3\"", 3, "x").getStatus()).isEqualTo(304);
        assertThatCode(() -> EntityTags.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void ifNoneMatchGivesNotModified() {
        assertThat(EntityTags.okOrNotModified("\"4\"", 4, "x").getStatus()).isEqualTo(304);
        assertThat(EntityTags.okOrNotModified("\"3\"", 4, "x").getStatus()).isEqualTo(200);
        assertThat(EntityTags.okOrNotModified(null, 4, "x").getEntityTag().getValue())
                .isEqualTo("4");
    }

    /** A view's tag ({@link ViewTags}): the version and a digest; If-Match compares the version, If-None-Match all. */
    @Test
    void aViewsTagMatchesWritesByItsVersionAndReadsByTheWholeTag() {
        assertThat(EntityTags.of(3, "9f2c4e1a00b7d3c5").getValue()).isEqualTo("3.9f2c4e1a00b7d3c5");
        assertThatCode(() -> EntityTags.requireMatch("\"3.9f2c4e1a00b7d3c5\"", 3))
                .doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("\"3.0000000000000000\"", 3))
                .doesNotThrowAnyException();
        for (String stale :
                new String[] {"\"31.9f2c4e1a00b7d3c5\"", "\"2.9f2c4e1a00b7d3c5\"", "W/\"3.9f2c4e1a00b7d3c5\""}) {
            assertThatThrownBy(() -> EntityTags.requireMatch(stale, 3))
                    .as(stale)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        }
        var current = EntityTags.of(3, "9f2c4e1a00b7d3c5");
        assertThat(EntityTags.okOrNotModified("\"3.9f2c4e1a00b7d3c5\"", current, "x")
                        .getStatus())
                .isEqualTo(304);
        assertThat(EntityTags.okOrNotModified("\"3.0000000000000000\"", current, "x")
                        .getStatus())
                .isEqualTo(200);
        assertThat(EntityTags.okOrNotModified("\"3\"", current, "x").getStatus())
                .isEqualTo(200);
    }
}
