package com.dealradar.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsAnyCharacters() {
        Cursor cursor = new Cursor("name", List.of("bolloré: 12:3 ", "0ac5b527-f0f8-5f43-be35-bdfe16ff147a"));
        assertThat(Cursor.decode(cursor.encode(), "name", 2)).isEqualTo(cursor);
    }

    @Test
    void refusesForeignOrDamagedCursorsWith400() {
        String valid = new Cursor("name", List.of("a", "b")).encode();
        assertThatThrownBy(() -> Cursor.decode(valid, "-updatedAt", 2))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_PARAMETER));
        assertThatThrownBy(() -> Cursor.decode(valid, "name", 3)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", "name", 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode(valid.substring(0, valid.length() - 3), "name", 2))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void typedCursorsCheckTheirKeysAndRefuseCraftedOnes() {
        String id = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a";
        String time = "2026-11-30T10:00:00Z";
        Cursor timeAndId = Cursor.timeAndId(new Cursor("-createdAt", List.of(time, id)).encode(), "-createdAt");
        assertThat(timeAndId.instantKey(0)).hasToString(time);
        assertThat(timeAndId.uuidKey(1)).hasToString(id);
        assertThat(Cursor.valueAndId(new Cursor("name", List.of("any: value", id)).encode(), "name")
                        .keys())
                .containsExactly("any: value", id);
        assertThat(Cursor.timeAndId(null, "-createdAt")).isNull();
        assertThat(Cursor.valueAndId(null, "name")).isNull();

        // UUID.fromString takes these short and odd forms; no cursor of this API holds them.
        for (String crafted : List.of("1-2-3-4-5", "0-0-0-0-0", "0ac5b527-f0f8-5f43-be35-bdfe16ff147a0", "x")) {
            assertThatThrownBy(() -> Cursor.valueAndId(new Cursor("name", List.of("a", crafted)).encode(), "name"))
                    .as(crafted)
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_PARAMETER));
        }
        assertThatThrownBy(() ->
                        Cursor.timeAndId(new Cursor("-createdAt", List.of("yesterday", id)).encode(), "-createdAt"))
                .isInstanceOf(ProblemException.class);
        assertThat(Cursor.valueAndId(new Cursor("name", List.of("a", id.toUpperCase())).encode(), "name")
                        .uuidKey(1))
                .hasToString(id);
    }

    /** Crafted keys that decode but that the database refuses (before: a 500 each): a 400 like any foreign cursor. */
    @Test
    void keysNoListHoldsAreRefusedBeforeTheyReachTheDatabase() {
        String id = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a";
        for (String key : List.of("\u0000", "name\u0000")) {
            assertThatThrownBy(() -> Cursor.valueAndId(new Cursor("name", List.of(key, id)).encode(), "name"))
                    .as(key)
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_PARAMETER));
        }
        for (String time : List.of("+300000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z")) {
            assertThatThrownBy(() ->
                            Cursor.timeAndId(new Cursor("-createdAt", List.of(time, id)).encode(), "-createdAt"))
                    .as(time)
                    .isInstanceOf(ProblemException.class);
        }
        assertThat(Cursor.timeAndId(
                                new Cursor("-createdAt", List.of("9999-12-31T23:59:59Z", id)).encode(), "-createdAt")
                        .instantKey(0))
                .hasToString("9999-12-31T23:59:59Z");
    }

    @Test
    void limitIsBounded() {
        assertThat(Paging.limit(null)).isEqualTo(Paging.DEFAULT_LIMIT);
        assertThat(Paging.limit("200")).isEqualTo(200);
        assertThatThrownBy(() -> Paging.limit("201")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Paging.limit("-1")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Paging.limit("1e3")).isInstanceOf(ProblemException.class);
    }

    @Test
    void pageKeepsLimitItemsAndPointsAfterTheLast() {
        Page<String> page = Paging.page(List.of("a", "b", "c"), 2, "name", s -> List.of(s));
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(Cursor.decode(page.nextCursor(), "name", 1).keys()).containsExactly("b");
        assertThat(Paging.page(List.of("a", "b"), 2, "name", s -> List.of(s)).nextCursor())
                .isNull();
    }
}
