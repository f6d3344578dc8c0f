package com.dealradar.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import java.util.Map;

/**
 * Which writes produce events (issue #16). Each service names its public collections and the actions under a
 * resource in its own application.properties; a service that names none (the gateway) writes no events.
 * <pre>
 * dealradar.events.resources.deals=deal                  # POST /deals -> deal.created, PATCH/PUT -> deal.updated, DELETE -> deal.deleted
 * dealradar.events.actions.status-changes=status_changed # POST /deals/{id}/status-changes -> deal.status_changed
 * </pre>
 */
@ConfigMapping(prefix = "dealradar.events")
public interface EventsConfig {

    /** First path segment (the collection) -> resource type written in the event. */
    @WithDefaults
    Map<String, String> resources();

    /** Third path segment of a POST on a resource (an action) -> what happened; unnamed actions are {@code updated}. */
    @WithDefaults
    Map<String, String> actions();
}
