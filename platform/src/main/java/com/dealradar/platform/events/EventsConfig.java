package com.dealradar.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Which writes produce events (issue #16). Each service names its public collections and the actions under a
 * resource in its own application.properties; a service that names none (the gateway) writes no events.
 * <pre>
 * dealradar.events.resources.deals=deal                  # POST /deals -> deal.created, PATCH/PUT -> deal.updated, DELETE -> deal.deleted
 * dealradar.events.actions.status-changes=status_changed # POST /deals/{id}/status-changes -> deal.status_changed
 * </pre>
 * Read from the property names (not a {@code @ConfigMapping}: a mapping of maps that may be empty does not build).
 */
@ApplicationScoped
public class EventsConfig {

    private static final String RESOURCES = "dealradar.events.resources.";
    private static final String ACTIONS = "dealradar.events.actions.";

    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> actions = new HashMap<>();

    EventsConfig(Config config) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(RESOURCES)) {
                resources.put(name.substring(RESOURCES.length()), config.getValue(name, String.class));
            } else if (name.startsWith(ACTIONS)) {
                actions.put(name.substring(ACTIONS.length()), config.getValue(name, String.class));
            }
        }
    }

    /** First path segment (the collection) -> resource type written in the event. */
    public Map<String, String> resources() {
        return resources;
    }

    /** Third path segment of a POST on a resource (an action) -> what happened; unnamed actions are {@code updated}. */
    public Map<String, String> actions() {
        return actions;
    }
}
