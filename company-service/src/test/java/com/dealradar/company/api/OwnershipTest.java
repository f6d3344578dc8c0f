package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OwnershipTest {

    private static String link(String owner, String owned, String type) {
        return """
                {"ownerId": "%s", "ownedId": "%s", "type": "%s", "stakePercent": 60.5,
                 "sources": [{"kind": "general_knowledge"}]}
                """.formatted(owner, owned, type);
    }

    @Test
    void companyShowsParentsAndSubsidiaries() {
        String parent =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Parent")).path("id");
        String child =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Child")).path("id");
        String linkId = given().contentType(ContentType.JSON)
                .body(link(parent, child, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .body("owner.id", equalTo(parent))
                .body("owned.id", equalTo(child))
                .body("stakePercent", equalTo(60.5f))
                .extract()
                .path("id");

        given().get("/companies/" + child)
                .then()
                .body("parents", hasSize(1))
                .body("parents[0].company.id", equalTo(parent))
                .body("parents[0].linkId", equalTo(linkId))
                .body("parents[0].type", equalTo("subsidiary"));
        given().get("/companies/" + parent).then().body("subsidiaries.company.id", hasItem(child));
        given().queryParam("company", child)
                .get("/ownership-links")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(linkId)));

        given().delete("/ownership-links/" + linkId).then().statusCode(428);
        given().header("If-Match", "\"0\"")
                .delete("/ownership-links/" + linkId)
                .then()
                .statusCode(204);
        given().get("/companies/" + child).then().body("parents", hasSize(0));
    }

    @Test
    void aCompanyCannotOwnItself() {
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Narcissus")).path("id");
        given().contentType(ContentType.JSON)
                .body(link(id, id, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot own itself"));
    }

    @Test
    void cyclesAreRefusedAndNamed() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle A")).path("id");
        String b = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle B")).path("id");
        String c = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle C")).path("id");
        given().contentType(ContentType.JSON)
                .body(link(a, b, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(link(b, c, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(link(c, a, "minority"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ownedId"))
                .body("detail", containsString("Cycle A"));
    }

    @Test
    void unknownCompanyIs422NamingIt() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Lonely")).path("id");
        String ghost = "00000000-0000-4000-8000-000000000001";
        given().contentType(ContentType.JSON)
                .body(link(a, ghost, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ownedId"))
                .body("detail", containsString(ghost));
    }

    @Test
    void validToBeforeValidFromIsRefused() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Time A")).path("id");
        String b = CompanyFixtures.create(CompanyFixtures.uniqueName("Time B")).path("id");
        given().contentType(ContentType.JSON)
                .body("{\"ownerId\": \"" + a + "\", \"ownedId\": \"" + b
                        + "\", \"type\": \"minority\", \"validFrom\": \"2020-01-01\", \"validTo\": \"2019-01-01\"}")
                .post("/ownership-links")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
    }

    /**
     * A ring of companies c0 ... c11 with every odd-to-even link recorded (c1->c2, ..., c11->c0): the six even-to-odd
     * links (c0->c1, c2->c3, ...) are each harmless alone and close the ring all together. Sent at once, exactly one
     * must be refused. Each write used to lock only its own two companies and read the graph as committed, so writes
     * that ran side by side each saw no cycle and all were kept. Several rounds, each on a new ring; the counts are
     * printed.
     */
    @Test
    void linksThatCloseACycleTogetherAreNotAllKept() {
        int rounds = 4;
        int pairs = 6;
        int rings = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            List<String> ring = new ArrayList<>();
            for (int i = 0; i < 2 * pairs; i++) {
                ring.add(CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle race " + i))
                        .path("id"));
            }
            for (int i = 1; i < 2 * pairs; i += 2) {
                create(link(ring.get(i), ring.get((i + 1) % ring.size()), "subsidiary"));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 2 * pairs; i += 2) {
                String body = link(ring.get(i), ring.get(i + 1), "subsidiary");
                writes.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return given().contentType(ContentType.JSON)
                                    .body(body)
                                    .post("/ownership-links")
                                    .statusCode();
                        },
                        WRITERS));
            }
            start.countDown();
            List<Integer> answers = writes.stream().map(CompletableFuture::join).toList();
            answers.forEach(status -> statuses.merge(status, 1, Integer::sum));
            if (!answers.contains(422)) {
                rings++;
            }
        }
        System.out.printf(
                "%d rounds of %d ring-closing links at once: answers %s, rings closed %d%n",
                rounds, pairs, statuses, rings);
        assertThat(statuses).isEqualTo(Map.of(201, rounds * (pairs - 1), 422, rounds));
    }

    /** One thread per concurrent writer: the common pool of a two-core machine has one. */
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(6);

    private static String create(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String stake(String owner, String owned, String percent) {
        return """
                {"ownerId": "%s", "ownedId": "%s", "type": "minority", "stakePercent": %s,
                 "sources": [{"kind": "general_knowledge"}]}
                """.formatted(owner, owned, percent);
    }

    /** The probe's case: with a duplicate pair A->B, re-pointing one of them must still see the other. */
    @Test
    void aReplacedLinkCannotCloseACycleThroughAnotherLinkBetweenItsFormerEnds() {
        String a =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Repoint A")).path("id");
        String b =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Repoint B")).path("id");
        String c =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Repoint C")).path("id");
        // A holds B twice (as a subsidiary and as a division: different types are allowed), and C holds A.
        String subsidiary = create(link(a, b, "subsidiary"));
        create("""
                {"ownerId": "%s", "ownedId": "%s", "type": "division", "sources": [{"kind": "general_knowledge"}]}
                """.formatted(a, b));
        create(link(c, a, "subsidiary"));
        // Re-pointing A->B (subsidiary) to B->C would close A -> B (division) -> C -> A.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(link(b, c, "subsidiary"))
                .put("/ownership-links/" + subsidiary)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ownedId"))
                .body("detail", containsString("own itself"));
        given().get("/companies/" + c).then().body("parents", hasSize(0));
    }

    @Test
    void aSecondLinkWithTheSameOwnerOwnedAndTypeIs409NamingTheFirst() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Twice A")).path("id");
        String b = CompanyFixtures.create(CompanyFixtures.uniqueName("Twice B")).path("id");
        String c = CompanyFixtures.create(CompanyFixtures.uniqueName("Twice C")).path("id");
        String first = create(link(a, b, "subsidiary"));
        given().contentType(ContentType.JSON)
                .body(link(a, b, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(first))
                .body("errors[0].field", equalTo("ownedId"));
        // Re-pointing another link onto the same pair is refused the same way.
        String second = create(link(a, c, "subsidiary"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(link(a, b, "subsidiary"))
                .put("/ownership-links/" + second)
                .then()
                .statusCode(409)
                .body("detail", containsString(first));
        // Replacing the link itself (same pair) is not a duplicate of itself.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(link(a, b, "subsidiary"))
                .put("/ownership-links/" + first)
                .then()
                .statusCode(200);
        given().queryParam("company", b)
                .get("/ownership-links")
                .then()
                .body("items.id", equalTo(java.util.List.of(first)));
    }

    @Test
    void concurrentCreatesOfOneLinkGiveOne201AndOnly409s() throws Exception {
        String a =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Race Owner")).path("id");
        String b =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Race Owned")).path("id");
        java.util.List<io.restassured.response.Response> answers = com.dealradar.platform.testing.Races.race(
                8,
                () -> given().contentType(ContentType.JSON)
                        .body(link(a, b, "subsidiary"))
                        .post("/ownership-links"));
        assertThat(answers.stream().map(r -> r.statusCode()).sorted().toList())
                .containsExactly(201, 409, 409, 409, 409, 409, 409, 409);
        given().queryParam("company", b).get("/ownership-links").then().body("items", hasSize(1));
    }

    @Test
    void theOwnersStakesInACompanyCannotExceed100Percent() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Stake A")).path("id");
        String c = CompanyFixtures.create(CompanyFixtures.uniqueName("Stake C")).path("id");
        String d = CompanyFixtures.create(CompanyFixtures.uniqueName("Stake D")).path("id");
        String first = create(stake(a, d, "80"));
        given().contentType(ContentType.JSON)
                .body(stake(c, d, "80"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("stakePercent"))
                .body("detail", containsString("160"));
        String second = create(stake(c, d, "20"));
        // Raising one stake is checked against the others, not against its own former value.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(stake(a, d, "80.01"))
                .put("/ownership-links/" + first)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stakePercent"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(stake(c, d, "20"))
                .put("/ownership-links/" + second)
                .then()
                .statusCode(200);
        // A stake that ended before another began does not count with it.
        String e = CompanyFixtures.create(CompanyFixtures.uniqueName("Stake E")).path("id");
        String f = CompanyFixtures.create(CompanyFixtures.uniqueName("Stake F")).path("id");
        create("""
                {"ownerId": "%s", "ownedId": "%s", "type": "subsidiary", "stakePercent": 100, "validTo": "2015-12-31",
                 "sources": [{"kind": "general_knowledge"}]}
                """.formatted(e, f));
        create("""
                {"ownerId": "%s", "ownedId": "%s", "type": "subsidiary", "stakePercent": 100, "validFrom": "2016-01-01",
                 "sources": [{"kind": "general_knowledge"}]}
                """.formatted(a, f));
        given().contentType(ContentType.JSON)
                .body("""
                {"ownerId": "%s", "ownedId": "%s", "type": "minority", "stakePercent": 1, "validFrom": "2015-06-01",
                 "validTo": "2015-12-31", "sources": [{"kind": "general_knowledge"}]}
                """.formatted(c, f))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stakePercent"));
    }

    @Test
    void concurrentStakesInOneCompanyCannotTogetherExceed100Percent() throws Exception {
        String owned =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Stake Race")).path("id");
        java.util.List<String> owners = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            owners.add(CompanyFixtures.create(CompanyFixtures.uniqueName("Stake Owner"))
                    .path("id"));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<io.restassured.response.Response> answers = com.dealradar.platform.testing.Races.race(
                6,
                () -> given().contentType(ContentType.JSON)
                        .body(stake(owners.get(next.getAndIncrement()), owned, "40"))
                        .post("/ownership-links"));
        assertThat(answers.stream().map(r -> r.statusCode()).sorted().toList())
                .containsExactly(201, 201, 422, 422, 422, 422);
    }
}
