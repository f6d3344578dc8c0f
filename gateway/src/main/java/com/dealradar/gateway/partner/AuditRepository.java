package com.dealradar.gateway.partner;

import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.NewestFirst;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository {

    static final String SORT = "-occurredAt";

    private final EntityManager em;

    AuditRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(ApiKeyAuditEntry entry) {
        em.persist(entry);
    }

    private static final NewestFirst NEWEST_FIRST = new NewestFirst("a.occurredAt", "a.id");

    /** Entries newest first (optionally of one partner or key), after the cursor's (occurredAt, id), at most {@code limit}. */
    public List<ApiKeyAuditEntry> page(UUID partnerId, UUID keyId, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        if (partnerId != null) {
            where.add("a.partnerId = :partner");
        }
        if (keyId != null) {
            where.add("a.keyId = :key");
        }
        if (after != null) {
            where.add(NEWEST_FIRST.after());
        }
        String jpql = "from ApiKeyAuditEntry a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + NEWEST_FIRST.orderBy();
        TypedQuery<ApiKeyAuditEntry> query = em.createQuery(jpql, ApiKeyAuditEntry.class);
        if (partnerId != null) {
            query.setParameter("partner", partnerId);
        }
        if (keyId != null) {
            query.setParameter("key", keyId);
        }
        return NewestFirst.bind(query, after).setMaxResults(limit).getResultList();
    }

    static List<String> cursorKeys(ApiKeyAuditEntry entry) {
        return List.of(entry.occurredAt.toString(), entry.id.toString());
    }
}
