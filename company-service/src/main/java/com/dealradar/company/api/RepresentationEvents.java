package com.dealradar.company.api;

import com.dealradar.company.domain.Company;
import com.dealradar.company.domain.OwnershipLink;
import com.dealradar.company.domain.RepresentationChanges;
import com.dealradar.platform.events.Outbox;
import com.dealradar.platform.http.EntityTags;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code .updated} event of a company or link whose representation another write changed (a link to it
 * created, replaced or deleted, a linked company renamed), written like the write's own event (platform
 * {@code Outbox}) in the same transaction, with the new ETag and the resource as it now is. As with the write's own
 * event, only a request's writes have events: seeding at start writes none.
 */
@ApplicationScoped
class RepresentationEvents implements RepresentationChanges {

    private final Outbox outbox;
    private final CompanyViews views;
    private final ObjectMapper mapper;
    private final CurrentVertxRequest request;

    RepresentationEvents(Outbox outbox, CompanyViews views, ObjectMapper mapper, CurrentVertxRequest request) {
        this.outbox = outbox;
        this.views = views;
        this.mapper = mapper;
        this.request = request;
    }

    @Override
    public void companyChanged(Company company) {
        if (request.getCurrent() != null) {
            outbox.emit(
                    "company.updated",
                    "company",
                    company.id.toString(),
                    "/companies/" + company.id,
                    EntityTags.of(company.version).toString(),
                    mapper.valueToTree(views.detailed(company)));
        }
    }

    @Override
    public void linkChanged(OwnershipLink link) {
        if (request.getCurrent() != null) {
            outbox.emit(
                    "ownership_link.updated",
                    "ownership_link",
                    link.id.toString(),
                    "/ownership-links/" + link.id,
                    EntityTags.of(link.version).toString(),
                    mapper.valueToTree(CompanyViews.link(link)));
        }
    }
}
