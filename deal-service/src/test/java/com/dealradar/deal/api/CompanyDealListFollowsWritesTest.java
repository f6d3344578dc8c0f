package com.dealradar.deal.api;

import static com.dealradar.deal.api.Deals.all;
import static com.dealradar.deal.api.Deals.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deal list filtered by company in announced order reads the search rows that deal-service derives from each
 * deal's participants, status and announced date (table deal_company): every write that changes one of them must move
 * the deal in that list at once, and a company in two roles of one deal is listed once.
 */
@QuarkusTest
class CompanyDealListFollowsWritesTest {

    @Test
    @SuppressWarnings("unchecked")
    void aCompanyInTwoRolesOfADealIsListedOnce() {
        UUID company = FakeServices.knownCompany();
        Map<String, Object> body = Json.deal(company, FakeServices.knownCompany());
        ((List<Object>) body.get("participants")).add(Json.map("companyId", company.toString(), "role", "investor"));
        String id = create(body);

        assertThat(ids("company=" + company)).containsExactly(id);
        assertThat(ids("company=" + company + "&sort=announced")).containsExactly(id);
        assertThat(ids("company=" + company + "&status=announced")).containsExactly(id);
        assertThat(ids("company=" + company + "&role=investor")).containsExactly(id);
    }

    @Test
    void aStatusChangeMovesTheDealBetweenStatusFilters() {
        UUID company = FakeServices.knownCompany();
        String id = create(Json.deal(company, FakeServices.knownCompany()));
        assertThat(ids("company=" + company + "&status=announced")).containsExactly(id);

        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("status", "abandoned", "note", "talks ended")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200);

        assertThat(ids("company=" + company + "&status=announced")).isEmpty();
        assertThat(ids("company=" + company + "&status=abandoned")).containsExactly(id);
        assertThat(ids("company=" + company + "&status=abandoned&sort=announced"))
                .containsExactly(id);
    }

    @Test
    void aStatusChangeThatDatesTheAnnouncementMovesTheDealIntoDateOrder() {
        UUID company = FakeServices.knownCompany();
        Map<String, Object> undated = Json.deal(company, FakeServices.knownCompany());
        undated.put("status", "rumored");
        undated.remove("announced");
        String later = create(undated);
        Map<String, Object> dated = Json.deal(company, FakeServices.knownCompany());
        dated.put("status", "rumored");
        dated.put("announced", Json.map("value", "2016-01-10", "precision", "day"));
        String earlier = create(dated);
        // without an announced date a deal comes last in both directions
        assertThat(ids("company=" + company)).containsExactly(earlier, later);
        assertThat(ids("company=" + company + "&sort=announced")).containsExactly(earlier, later);

        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(later))
                .body(Json.write(Json.map(
                        "status", "announced", "effectiveDate", Json.map("value", "2019-03-04", "precision", "day"))))
                .post("/deals/" + later + "/status-changes")
                .then()
                .statusCode(200);

        assertThat(ids("company=" + company)).containsExactly(later, earlier);
        assertThat(ids("company=" + company + "&sort=announced")).containsExactly(earlier, later);
        assertThat(ids("company=" + company + "&status=announced")).containsExactly(later);
        assertThat(ids("company=" + company + "&status=rumored")).containsExactly(earlier);
    }

    @Test
    void replacingTheParticipantsAndTheDateMovesTheDealBetweenCompanies() {
        UUID leaving = FakeServices.knownCompany();
        UUID staying = FakeServices.knownCompany();
        UUID joining = FakeServices.knownCompany();
        Map<String, Object> body = Json.deal(leaving, staying);
        String id = create(body);
        Map<String, Object> other = Json.deal(staying, FakeServices.knownCompany());
        other.put("announced", Json.map("value", "2018-01", "precision", "month"));
        String otherId = create(other);
        assertThat(ids("company=" + staying)).containsExactly(otherId, id);

        body.put(
                "participants",
                List.of(
                        Json.map("companyId", joining.toString(), "role", "acquirer"),
                        Json.map("companyId", staying.toString(), "role", "target")));
        body.put("announced", Json.map("value", "2019-02", "precision", "month"));
        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(body))
                .put("/deals/" + id)
                .then()
                .statusCode(200);

        assertThat(ids("company=" + leaving)).isEmpty();
        assertThat(ids("company=" + joining + "&status=announced")).containsExactly(id);
        assertThat(ids("company=" + staying)).containsExactly(id, otherId);

        given().contentType("application/merge-patch+json")
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("announced", null)))
                .patch("/deals/" + id)
                .then()
                .statusCode(200);
        assertThat(ids("company=" + staying)).containsExactly(otherId, id);
        assertThat(ids("company=" + joining + "&sort=announced&status=announced"))
                .containsExactly(id);
    }

    /** Every page of the list, one deal per page, so that the cursor's keyset conditions are exercised too. */
    private static List<String> ids(String query) {
        return all(query, 1).stream().map(item -> (String) item.get("id")).toList();
    }
}
