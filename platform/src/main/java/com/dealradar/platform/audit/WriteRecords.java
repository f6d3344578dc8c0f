package com.dealradar.platform.audit;

import com.dealradar.platform.client.CallerTimeout;
import com.dealradar.platform.events.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.Response;

/**
 * What a successful write keeps with it, in its own transaction: the actor ({@link WriteAudit}) and the event
 * ({@link Outbox}). The shared write paths ({@code Idempotency}, {@code ConditionalWrites}) answer through it, so the
 * change, its audit row and its event are all kept or none, and the answer is read as JSON once for both.
 */
@ApplicationScoped
public class WriteRecords {

    /** The transaction resource that marks a transaction whose write is already recorded. */
    private static final Object RECORDED = new Object();

    private final WriteAudit audit;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final CallerTimeout callerTimeout;

    WriteRecords(
            WriteAudit audit,
            Outbox outbox,
            ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions,
            CallerTimeout callerTimeout) {
        this.callerTimeout = callerTimeout;
        this.audit = audit;
        this.outbox = outbox;
        this.mapper = mapper;
        this.transactions = transactions;
    }

    /**
     * Records {@code response}'s write; fails, loudly, outside the domain service's transaction and when the
     * transaction's write was already recorded: one request is one write, and a second record would be a second
     * event for partners (an answer built with {@code ConditionalWrites.ok} and then passed through an
     * Idempotency-Key's {@code complete} did exactly that). Refuses (503, rolled back) a write whose caller has
     * stopped waiting ({@link CallerTimeout}).
     */
    public Response record(Response response) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a write's answer is recorded in the domain service's transaction;"
                    + " build it in the answer callback the service calls");
        }
        if (response == null || response.getStatus() >= 300) {
            return response;
        }
        if (transactions.getResource(RECORDED) != null) {
            throw new IllegalStateException("this transaction's write is already recorded; pass the answer through"
                    + " one recording path (ConditionalWrites or Idempotency), not both");
        }
        // The last step before the commit: a caller that has stopped waiting was told the write failed.
        callerTimeout.requireTimeLeftToCommit();
        transactions.putResource(RECORDED, Boolean.TRUE);
        JsonNode body = response.getEntity() == null ? null : mapper.valueToTree(response.getEntity());
        audit.record(response, body);
        outbox.recordWrite(response, body);
        return response;
    }
}
