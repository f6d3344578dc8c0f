package com.dealradar.gateway.partner;

import com.dealradar.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository {

    static final String SORT = "createdAt";

    private final EntityManager em;

    ApiKeyRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<ApiKey> find(UUID partnerId, UUID keyId) {
        return Optional.ofNullable(em.find(ApiKey.class, keyId)).filter(k -> k.partnerId.equals(partnerId));
    }

    public boolean prefixTaken(String prefix) {
        return !em.createQuery("select 1 from ApiKey k where k.prefix = :prefix", Integer.class)
                .setParameter("prefix", prefix)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public void persist(ApiKey key) {
        em.persist(key);
    }

    /** A partner's keys, oldest first, after the cursor's (createdAt, id), at most {@code limit}. */
    public List<ApiKey> page(UUID partnerId, Cursor after, int limit) {
        TypedQuery<ApiKey> query = em.createQuery(
                        after == null
                                ? "from ApiKey k where k.partnerId = :partner order by k.createdAt, k.id"
                                : "from ApiKey k where k.partnerId = :partner and (k.createdAt > :at or (k.createdAt = :at and k.id > :id)) "
                                        + "order by k.createdAt, k.id",
                        ApiKey.class)
                .setParameter("partner", partnerId);
        if (after != null) {
            query.setParameter("at", after.instantKey(0)).setParameter("id", after.uuidKey(1));
        }
        return query.setMaxResults(limit).getResultList();
    }

    static List<String> cursorKeys(ApiKey key) {
        return List.of(key.createdAt.toString(), key.id.toString());
    }
}
