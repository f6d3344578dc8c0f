package com.dealradar.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PersistenceProblemsTest {

    @Test
    void namesTheFieldOfAPostgresUniqueViolation() {
        assertThat(PersistenceProblems.fields(
                        "ERROR: duplicate key value violates unique constraint \"companies_slug_key\"\n"
                                + "  Detail: Key (slug)=(acme) already exists."))
                .containsExactly("slug");
        assertThat(PersistenceProblems.fields("Detail: Key (deal_id, sequence)=(3f, 2) already exists."))
                .containsExactly("dealId", "sequence");
        assertThat(PersistenceProblems.fields("Detail: Key (wikidata_qid)=(Q1) already exists."))
                .containsExactly("wikidataQid");
    }

    @Test
    void namesTheFieldOfAnH2UniqueViolation() {
        assertThat(PersistenceProblems.fields("Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_A ON "
                        + "PUBLIC.COMPANIES(SLUG NULLS FIRST) VALUES ( /* 1 */ 'acme' )\""))
                .containsExactly("slug");
    }

    @Test
    void aUniqueViolationIsA409NamingTheField() {
        var violation = new org.hibernate.exception.ConstraintViolationException(
                "could not execute statement",
                new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"regimes_code_key\"\n"
                                + "  Detail: Key (code)=(UK-NSIA) already exists.",
                        "23505"),
                "insert into regimes ...",
                org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE,
                "regimes_code_key");
        ProblemException problem = PersistenceProblems.of(new RuntimeException("commit failed", violation))
                .orElseThrow();
        assertThat(problem.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(problem.errors()).extracting(FieldViolation::field).containsExactly("code");
    }

    /** A value that passed validation but not the column (PostgreSQL and H2 both say 22001, or 22003 for numbers). */
    @Test
    void aValueTooLongOrLargeToStoreIsA400() {
        for (SQLException sql : java.util.List.of(
                new SQLException("ERROR: value too long for type character varying(20000)", "22001"),
                new SQLException("ERROR: value overflows numeric format", "22003"))) {
            ProblemException problem = PersistenceProblems.of(
                            new RuntimeException("could not execute statement", new RuntimeException(sql)))
                    .orElseThrow();
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(problem.type().status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldViolation::field).containsExactly("body");
        }
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() {
        ProblemException problem = PersistenceProblems.of(
                        new RuntimeException(new SQLException("Connection to 127.0.0.1:5999 refused", "08001")))
                .orElseThrow();
        assertThat(problem.type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE);
        assertThat(problem.headers()).containsKey("Retry-After");
        assertThat(PersistenceProblems.of(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isPresent();
        assertThat(PersistenceProblems.of(new IllegalStateException("other"))).isEmpty();
        // a failed XA commit: the cause hides in a suppressed exception's cause
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        commit.addSuppressed(new Exception(
                "XA commit failed", new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(PersistenceProblems.of(new RuntimeException(commit))).isPresent();
    }

    /** Lock and statement timeouts, deadlocks and serialization failures roll back and can be retried: 503, not 500. */
    @Test
    void aTransactionTheDatabaseGaveUpOnIsA503WithRetryAfter() {
        for (SQLException sql : java.util.List.of(
                new SQLException("ERROR: canceling statement due to lock timeout", "55P03"),
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"),
                new SQLException("ERROR: deadlock detected", "40P01"),
                new SQLException("ERROR: could not serialize access due to concurrent update", "40001"))) {
            ProblemException problem = PersistenceProblems.of(
                            new RuntimeException("could not execute statement", new RuntimeException(sql)))
                    .orElseThrow(() -> new AssertionError("no problem for " + sql.getSQLState()));
            assertThat(problem.type().status()).as(sql.getSQLState()).isEqualTo(503);
            assertThat(problem.headers()).containsEntry("Retry-After", "1");
            assertThat(problem.getMessage()).contains("nothing was written");
        }
        assertThat(PersistenceProblems.of(new RuntimeException(new SQLException("ERROR: syntax error", "42601"))))
                .isEmpty();
    }
}
