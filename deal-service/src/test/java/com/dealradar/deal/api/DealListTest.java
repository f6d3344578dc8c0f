package com.dealradar.deal.api;

import static com.dealradar.deal.api.Deals.all;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A few hundred generated deals (with ties and missing values on purpose), paged through in every sort
 * order and with every filter: every page sequence has no duplicates, no gaps and the right order, and
 * every filter returns exactly the deals it should.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealListTest {

    static final int COUNT = 240;
    static final String[] TYPES = {
        "acquisition",
        "merger",
        "minority_investment",
        "strategic_investment",
        "joint_venture",
        "partnership",
        "hosting_reseller",
        "market_entry"
    };
    static final String[] STATUSES = {
        "rumored", "in_talks", "announced", "pending_approval", "completed", "blocked", "abandoned"
    };
    static final String[] CONFIDENCES = {"rumored", "reported", "confirmed"};
    static final List<List<String>> REGIONS = List.of(List.of("CN"), List.of("DE"), List.of("DE", "GB"), List.of("FR"));
    static final String[] MARKER_ROLES = {"acquirer", "partner", "investor"};

    record Generated(
            String id,
            String type,
            String status,
            String confidence,
            LocalDate announced,
            BigDecimal valueUsd,
            List<String> regions,
            String markerRole,
            UUID other) {}

    final UUID marker = FakeServices.knownCompany();
    final List<UUID> others =
            List.of(FakeServices.knownCompany(), FakeServices.knownCompany(), FakeServices.knownCompany());
    final List<Generated> deals = new ArrayList<>();

    /** Generated on first use (in a @BeforeAll, RestAssured does not know the test port yet). */
    synchronized void generate() {
        if (!deals.isEmpty()) {
            return;
        }
        for (int i = 0; i < COUNT; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            String type = TYPES[i % TYPES.length];
            String status = STATUSES[i % STATUSES.length];
            String confidence = CONFIDENCES[i % CONFIDENCES.length];
            body.put("title", "Generated deal " + i);
            body.put("type", type);
            body.put("status", status);
            body.put("confidence", confidence);
            LocalDate announced = null;
            if (i % 10 != 0) {
                announced = LocalDate.of(2015, 1, 1).plusDays((i * 7L) % 60);
                if (i % 4 == 1) {
                    announced = announced.withDayOfMonth(1);
                    body.put(
                            "announced", Json.map("value", announced.toString().substring(0, 7), "precision", "month"));
                } else {
                    body.put("announced", Json.map("value", announced.toString(), "precision", "day"));
                }
            }
            BigDecimal valueUsd = null;
            if (i % 7 != 0) {
                BigDecimal amount = BigDecimal.valueOf((i % 40) * 1_000_000L);
                if (i % 5 == 0) {
                    body.put(
                            "value",
                            Json.map(
                                    "amount",
                                    "1",
                                    "currency",
                                    "EUR",
                                    "amountUsdMin",
                                    amount.toPlainString(),
                                    "amountUsdMax",
                                    amount.add(BigDecimal.valueOf(2_000_000)).toPlainString(),
                                    "estimated",
                                    true));
                    valueUsd = amount.add(BigDecimal.valueOf(1_000_000));
                } else {
                    body.put(
                            "value", Json.map("amount", amount.toPlainString(), "currency", "USD", "estimated", false));
                    valueUsd = amount;
                }
            }
            List<String> regions = REGIONS.get(i % REGIONS.size());
            body.put("regions", regions);
            String markerRole = MARKER_ROLES[i % MARKER_ROLES.length];
            UUID other = others.get(i % others.size());
            body.put(
                    "participants",
                    List.of(
                            Json.map("companyId", marker.toString(), "role", markerRole),
                            Json.map("companyId", other.toString(), "role", "target")));
            String id = given().contentType(ContentType.JSON)
                    .body(Json.write(body))
                    .post("/deals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            deals.add(new Generated(id, type, status, confidence, announced, valueUsd, regions, markerRole, other));
        }
    }

    @Test
    void everySortPagesWithoutDuplicatesGapsOrDisorder() {
        generate();
        for (String sort : List.of("-announced", "announced", "-valueUsd", "valueUsd", "updatedAt", "-updatedAt")) {
            for (int limit : List.of(1, 17, 200)) {
                if (limit == 1 && !sort.equals("-announced")) {
                    continue; // one item per page is slow; one sort is enough for it
                }
                List<Map<String, Object>> items = all("company=" + marker + "&sort=" + sort, limit);
                List<String> ids =
                        items.stream().map(item -> (String) item.get("id")).toList();
                assertThat(new HashSet<>(ids)).as(sort + " no duplicates").hasSize(ids.size());
                assertThat(ids)
                        .as(sort + " no gaps")
                        .containsExactlyInAnyOrderElementsOf(
                                deals.stream().map(Generated::id).toList());
                for (int i = 1; i < items.size(); i++) {
                    assertThat(compare(sort, items.get(i - 1), items.get(i)))
                            .as(sort + " order at " + i)
                            .isNegative();
                }
            }
        }
    }

    @Test
    void wholeListWithSeedsAndOtherTestsDeals() {
        generate();
        List<Map<String, Object>> items = all("sort=-valueUsd", 50);
        List<String> ids = items.stream().map(item -> (String) item.get("id")).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).containsAll(deals.stream().map(Generated::id).toList());
        for (int i = 1; i < items.size(); i++) {
            assertThat(compare("-valueUsd", items.get(i - 1), items.get(i))).isNegative();
        }
    }

    @Test
    void linkHeaderPointsToTheNextPage() {
        generate();
        Response first = given().get("/deals?company=" + marker + "&type=acquisition&limit=5");
        String next = first.path("nextCursor");
        assertThat(next).isNotNull();
        String link = first.header("Link");
        assertThat(link)
                .contains("rel=\"next\"")
                .contains("type=acquisition")
                .contains("company=" + marker)
                .contains("cursor=");
        String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Response second = given().urlEncodingEnabled(false).get(target);
        assertThat(second.<List<String>>path("items.id"))
                .hasSize(5)
                .doesNotContainAnyElementsOf(first.<List<String>>path("items.id"));
    }

    @Test
    void everyFilterReturnsExactlyItsDeals() {
        generate();
        UUID other = others.get(1);
        LocalDate from = LocalDate.of(2015, 1, 10);
        LocalDate to = LocalDate.of(2015, 2, 10);
        BigDecimal min = BigDecimal.valueOf(10_000_000);
        BigDecimal max = BigDecimal.valueOf(20_000_000);
        Map<String, Predicate<Generated>> filters = new LinkedHashMap<>();
        filters.put("", g -> true);
        filters.put("role=acquirer", g -> g.markerRole().equals("acquirer"));
        filters.put("type=partnership", g -> g.type().equals("partnership"));
        filters.put("status=completed", g -> g.status().equals("completed"));
        filters.put("confidence=rumored", g -> g.confidence().equals("rumored"));
        filters.put("region=DE", g -> g.regions().contains("DE"));
        filters.put("region=gb", g -> g.regions().contains("GB"));
        filters.put(
                "announcedFrom=" + from,
                g -> g.announced() != null && !g.announced().isBefore(from));
        filters.put(
                "announcedTo=" + to,
                g -> g.announced() != null && !g.announced().isAfter(to));
        filters.put(
                "announcedFrom=" + from + "&announcedTo=" + to,
                g -> g.announced() != null
                        && !g.announced().isBefore(from)
                        && !g.announced().isAfter(to));
        filters.put(
                "valueUsdMin=" + min, g -> g.valueUsd() != null && g.valueUsd().compareTo(min) >= 0);
        filters.put(
                "valueUsdMin=" + min + "&valueUsdMax=" + max,
                g -> g.valueUsd() != null
                        && g.valueUsd().compareTo(min) >= 0
                        && g.valueUsd().compareTo(max) <= 0);
        filters.put(
                "type=acquisition&region=CN&valueUsdMax=" + max,
                g -> g.type().equals("acquisition")
                        && g.regions().contains("CN")
                        && g.valueUsd() != null
                        && g.valueUsd().compareTo(max) <= 0);
        filters.forEach((query, expected) -> {
            List<String> ids = all("company=" + marker + (query.isEmpty() ? "" : "&" + query), 37).stream()
                    .map(item -> (String) item.get("id"))
                    .toList();
            List<String> wanted =
                    deals.stream().filter(expected).map(Generated::id).toList();
            assertThat(wanted).as(query + " selects something").isNotEmpty();
            assertThat(ids).as(query).containsExactlyInAnyOrderElementsOf(wanted);
        });
        // by another company in a given role, in any role, and in a role it never has
        List<String> wanted = deals.stream()
                .filter(g -> g.other().equals(other))
                .map(Generated::id)
                .toList();
        assertThat(ids("company=" + other + "&role=target")).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(ids("company=" + other)).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(ids("company=" + other + "&role=acquirer")).isEmpty();
        // by the company's slug, in any case, as by its id; a slug no company has matches nothing
        String slug = "other-company-" + other.toString().substring(0, 8);
        FakeServices.giveSlug(slug, other);
        assertThat(ids("company=" + slug + "&role=target")).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(ids("company=" + slug.toUpperCase(java.util.Locale.ROOT)))
                .containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(ids("company=no-company-has-this-slug")).isEmpty();
        io.restassured.RestAssured.given()
                .get("/deals?company="
                        + java.net.URLEncoder.encode("not a slug!", java.nio.charset.StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("company"));
        // by ids
        List<String> some = deals.subList(3, 9).stream().map(Generated::id).toList();
        assertThat(ids("ids=" + String.join(",", some))).containsExactlyInAnyOrderElementsOf(some);
        // The documented maximum of 200 ids fits in a request line, with the commas percent-encoded as clients send
        // them (it was a 414 beyond about 110).
        List<String> most = new java.util.ArrayList<>(some);
        while (most.size() < 200) {
            most.add(java.util.UUID.randomUUID().toString());
        }
        String joined = String.join(",", most); // RestAssured percent-encodes the commas, as browsers do
        System.out.printf("ids filter: 200 ids, a request line of about %d bytes%n", joined.length() + 2 * 199 + 40);
        assertThat(ids("ids=" + joined)).containsExactlyInAnyOrderElementsOf(some);
    }

    private List<String> ids(String query) {
        return all(query, 200).stream().map(item -> (String) item.get("id")).toList();
    }

    /** Negative when {@code a} must come before {@code b} in {@code sort}: nulls last, ties by id in the sort's direction. */
    @SuppressWarnings("unchecked")
    static int compare(String sort, Map<String, Object> a, Map<String, Object> b) {
        boolean desc = sort.startsWith("-");
        String field = desc ? sort.substring(1) : sort;
        Comparable<Object> ka = (Comparable<Object>) key(field, a);
        Comparable<Object> kb = (Comparable<Object>) key(field, b);
        int byKey;
        if (ka == null || kb == null) {
            byKey = ka == null && kb == null ? 0 : ka == null ? 1 : -1;
        } else {
            byKey = desc ? -ka.compareTo(kb) : ka.compareTo(kb);
        }
        if (byKey != 0) {
            return byKey;
        }
        int byId = ((String) a.get("id")).compareTo((String) b.get("id"));
        return desc ? -byId : byId;
    }

    @SuppressWarnings("unchecked")
    static Comparable<?> key(String field, Map<String, Object> item) {
        return switch (field) {
            case "announced" -> {
                Map<String, Object> date = (Map<String, Object>) item.get("announced");
                if (date == null) {
                    yield null;
                }
                String value = (String) date.get("value");
                yield LocalDate.parse(
                        switch (value.length()) {
                            case 4 -> value + "-01-01";
                            case 7 -> value + "-01";
                            default -> value;
                        });
            }
            case "valueUsd" -> item.get("valueUsd") == null ? null : new BigDecimal((String) item.get("valueUsd"));
            case "updatedAt" -> Instant.parse((String) item.get("updatedAt"));
            default -> throw new IllegalArgumentException(field);
        };
    }
}
