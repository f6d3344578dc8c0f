package com.dealradar.gateway.partner;

import com.dealradar.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerRepository {

    static final String SORT = "name";

    private final EntityManager em;

    PartnerRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Partner> find(UUID id) {
        return Optional.ofNullable(em.find(Partner.class, id));
    }

    public void persist(Partner partner) {
        em.persist(partner);
    }

    /** Partners in name order after the cursor's (sortName, id), at most {@code limit}. */
    public List<Partner> page(Cursor after, int limit) {
        TypedQuery<Partner> query = em.createQuery(
                after == null
                        ? "from Partner p order by p.sortName, p.id"
                        : "from Partner p where p.sortName > :name or (p.sortName = :name and p.id > :id) order by p.sortName, p.id",
                Partner.class);
        if (after != null) {
            query.setParameter("name", after.keys().get(0)).setParameter("id", after.uuidKey(1));
        }
        return query.setMaxResults(limit).getResultList();
    }

    static List<String> cursorKeys(Partner partner) {
        return List.of(partner.sortName, partner.id.toString());
    }
}
