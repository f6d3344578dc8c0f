package com.dealradar.region.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.events.OutboxEvent;
import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.Races;
import com.dealradar.platform.testing.TestClock;
import com.dealradar.region.events.DeadlineEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: a matter's writes each leave one event; its deadline gets deadline_approaching from 5 working days (GB
 * calendar) before the due day and deadline_passed the day after, each once, even when two "replicas" check at the
 * same moment; an attestation past its validity gets certification.expired once.
 */
@QuarkusTest
class DeadlineEventsTest {

    @Inject
    DeadlineEvents deadlines;

    @Inject
    EntityManager em;

    List<OutboxEvent> eventsOf(String resourceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from OutboxEvent e where e.resourceId = :id order by e.id", OutboxEvent.class)
                        .setParameter("id", resourceId)
                        .getResultList());
    }

    static Instant noonOf(String day) {
        return LocalDate.parse(day).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    /**
     * An NSIA matter called in on 20 March 2024: the 30 working days end on 2 May 2024 (MatterApiTest); 5 working days
     * before: 25 April.
     */
    static String nsiaMatterCalledIn() {
        String id = MatterApiTest.create(UUID.randomUUID(), "UK-NSIA")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(id, "notified", "2024-02-01").then().statusCode(200);
        MatterApiTest.move(id, "accepted", "2024-02-05").then().statusCode(200);
        MatterApiTest.move(id, "phase1", "2024-02-05").then().statusCode(200);
        MatterApiTest.move(id, "phase2", "2024-03-20").then().statusCode(200);
        return id;
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /**
     * A notice that cannot be written now (here its matter's row is held by another transaction past the 5 s lock
     * timeout) is left for the next check, and the notices after it are written (before: the check ended at the first
     * failure, and every later matter and certification waited an hour for the next one).
     */
    @Test
    void aNoticeThatCannotBeWrittenNowDoesNotHoldUpTheOthers() throws Exception {
        TestClock clock = TestClock.installedAt(noonOf("2024-03-20"));
        String held = nsiaMatterCalledIn();
        String free = nsiaMatterCalledIn();
        clock.set(noonOf("2024-04-25"));
        List<DeadlineEvents.Notice> due = deadlines.due().stream()
                .filter(n -> List.of(held, free).contains(n.resourceId().toString()))
                .sorted(Comparator.comparing(n -> !n.resourceId().toString().equals(held)))
                .toList();
        int whileHeld;
        try (Connection holder = DriverManager.getConnection(jdbcUrl, PostgresDatabase.user(), "");
                Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.executeQuery("select id from regulatory_matter where id = '" + held + "' for update")
                    .close();
            whileHeld = deadlines.write(due);
            holder.rollback();
        }
        List<String> freeEvents = eventsOf(free).stream().map(e -> e.type).toList();
        int afterwards = deadlines.write(due);
        System.out.printf(
                "deadline notices %s: %d written while the first one's matter was held (the other's events: %s), %d"
                        + " at the next check%n",
                due.stream().map(DeadlineEvents.Notice::kind).toList(), whileHeld, freeEvents, afterwards);
        assertThat(due)
                .extracting(DeadlineEvents.Notice::kind)
                .containsOnly(DeadlineEvents.APPROACHING)
                .hasSize(2);
        assertThat(whileHeld).isEqualTo(1);
        assertThat(freeEvents).contains(DeadlineEvents.APPROACHING);
        assertThat(afterwards).isEqualTo(1);
        assertThat(eventsOf(held)).extracting(e -> e.type).contains(DeadlineEvents.APPROACHING);
    }

    @Test
    void deadlineEventsAreWrittenOncePerDeadlineWhateverTheNumberOfCheckers() throws Exception {
        TestClock clock = TestClock.installedAt(noonOf("2024-03-20"));
        String id = nsiaMatterCalledIn();
        String cert = CertificationApiTest.create(
                        UUID.randomUUID(), LocalDate.parse("2022-05-01"), LocalDate.parse("2024-04-30"), "attested")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        clock.set(noonOf("2024-04-24"));
        deadlines.runOnce();
        int beforeWindow = eventsOf(id).size();
        clock.set(noonOf("2024-04-25"));
        deadlines.runOnce();
        deadlines.runOnce();
        clock.set(noonOf("2024-04-30"));
        deadlines.runOnce();
        clock.set(noonOf("2024-05-03"));
        // Two checkers at once (as two replicas would): the notice key lets one event through.
        Races.<Integer>together(List.of(deadlines::runOnce, deadlines::runOnce));
        deadlines.runOnce();

        List<OutboxEvent> matter = eventsOf(id);
        List<OutboxEvent> certification = eventsOf(cert);
        System.out.printf(
                "deadline events: matter %s -> %s; certification -> %s%n",
                id,
                matter.stream().map(e -> e.type).toList(),
                certification.stream().map(e -> e.type).toList());
        assertThat(beforeWindow).isEqualTo(5);
        assertThat(matter)
                .extracting(e -> e.type)
                .containsExactly(
                        "regulatory_matter.created",
                        "regulatory_matter.transitioned",
                        "regulatory_matter.transitioned",
                        "regulatory_matter.transitioned",
                        "regulatory_matter.transitioned",
                        DeadlineEvents.APPROACHING,
                        DeadlineEvents.PASSED);
        JsonPath approaching = JsonPath.from(matter.get(5).data);
        assertThat(approaching.getString("dueOn")).isEqualTo("2024-05-02");
        assertThat(approaching.getInt("workingDaysLeft")).isEqualTo(5);
        assertThat(approaching.getString("regime")).isEqualTo("UK-NSIA");
        assertThat(matter.get(5).resourcePath).isEqualTo("/regulatory-matters/" + id);
        assertThat(certification)
                .extracting(e -> e.type)
                .containsExactly("certification.created", DeadlineEvents.EXPIRED);
    }

    /**
     * A deadline found due and a matter decided in between (the check computes, then writes): the decision wins. Before,
     * the check wrote {@code deadline_passed} after the matter's {@code transitioned} to cleared, from what it had read.
     */
    @Test
    void aMatterDecidedWhileItsDeadlineIsCheckedGetsNoDeadlineEventAfterItsDecision() {
        TestClock clock = TestClock.installedAt(noonOf("2024-03-20"));
        String id = nsiaMatterCalledIn();
        clock.set(noonOf("2024-05-03"));
        List<DeadlineEvents.Notice> due = deadlines.due();
        List<String> dueHere = due.stream()
                .filter(n -> n.resourceId().toString().equals(id))
                .map(DeadlineEvents.Notice::kind)
                .toList();
        MatterApiTest.move(id, "cleared", "2024-05-03").then().statusCode(200);
        int written = deadlines.write(due);
        int later = deadlines.runOnce();
        List<String> events = eventsOf(id).stream().map(e -> e.type).toList();
        System.out.printf(
                "deadline checked, matter cleared, then written: due %s; %d written, then %d; events %s%n",
                dueHere, written, later, events);
        assertThat(dueHere).containsExactly(DeadlineEvents.PASSED);
        assertThat(events).endsWith("regulatory_matter.transitioned").doesNotContain(DeadlineEvents.PASSED);
    }
}
