package com.dealradar.deal.persistence;

import com.dealradar.deal.domain.DealStatusChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DealStatusChangeRepository implements PanacheRepositoryBase<DealStatusChange, UUID> {

    /** The history of a deal, oldest first. */
    public List<DealStatusChange> historyOf(UUID dealId) {
        return find("dealId = ?1 order by sequence", dealId).list();
    }

    public int lastSequence(UUID dealId) {
        Integer last = getEntityManager()
                .createQuery("select max(c.sequence) from DealStatusChange c where c.dealId = :deal", Integer.class)
                .setParameter("deal", dealId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    public void deleteHistoryOf(UUID dealId) {
        delete("dealId", dealId);
    }
}
