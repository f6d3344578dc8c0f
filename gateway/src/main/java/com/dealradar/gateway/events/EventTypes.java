package com.dealradar.gateway.events;

import com.dealradar.platform.problem.ProblemException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event types the services write (their outboxes derive them from the write: collection, then action). A feed
 * filter or a webhook subscription naming a type that does not exist would match nothing, silently, for ever: both
 * are checked against this list.
 */
public final class EventTypes {

    private EventTypes() {}

    /** Every event type, with what it means (the contract's {@code webhooks} section shows each). */
    public static final Map<String, String> ALL = new TreeMap<>(Map.ofEntries(
            Map.entry("company.created", "A company was created; data: the company"),
            Map.entry("company.updated", "A company was changed (PUT or PATCH); data: the company"),
            Map.entry("company.archived", "A company was archived; data: the company"),
            Map.entry("ownership_link.created", "An ownership link was created; data: the link"),
            Map.entry("ownership_link.updated", "An ownership link was replaced; data: the link"),
            Map.entry("ownership_link.deleted", "An ownership link was deleted; no data"),
            Map.entry("deal.created", "A deal was created; data: the deal"),
            Map.entry("deal.updated", "A deal was changed (PUT or PATCH); data: the deal"),
            Map.entry("deal.status_changed", "A deal's status changed; data: the deal with its new status"),
            Map.entry("deal.deleted", "A deal was deleted; no data"),
            Map.entry("regulatory_matter.created", "A regulatory matter was opened; data: the matter"),
            Map.entry(
                    "regulatory_matter.updated",
                    "A regulatory matter was changed (extensions, clock-stops, ...); data: the matter"),
            Map.entry(
                    "regulatory_matter.transitioned", "A regulatory matter moved to another status; data: the matter"),
            Map.entry(
                    "regulatory_matter.deadline_approaching",
                    "A statutory deadline is the configured number of working days (default 5, "
                            + "in the regime's calendar) away; once per deadline; data: matterId, dealId, regime, clock, dueOn, workingDaysLeft"),
            Map.entry(
                    "regulatory_matter.deadline_passed",
                    "A statutory deadline passed with the matter still open; once per deadline; data "
                            + "as deadline_approaching"),
            Map.entry("certification.created", "A certification was recorded; data: the certification"),
            Map.entry("certification.updated", "A certification was changed; data: the certification"),
            Map.entry(
                    "certification.expired",
                    "An attestation's validity ended; once; data: certificationId, companyId, validTo")));

    /** A feed filter's type: one of {@link #ALL}; else 400 naming {@code parameter}. */
    public static String requireKnown(String parameter, String type) {
        if (!ALL.containsKey(type)) {
            throw ProblemException.badParameter(
                    parameter, "'" + type + "' is not an event type; the types are " + String.join(", ", ALL.keySet()));
        }
        return type;
    }

    /**
     * A subscription's pattern: {@code *}, a type of {@link #ALL}, or {@code <resource>.*} for a resource that has events;
     * else 422 naming {@code field}.
     */
    public static String requireSubscribable(String field, String pattern) {
        boolean known = pattern.equals("*")
                || ALL.containsKey(pattern)
                || pattern.endsWith(".*")
                        && ALL.keySet().stream()
                                .anyMatch(t -> t.startsWith(pattern.substring(0, pattern.length() - 1)));
        if (!known) {
            throw ProblemException.invalid(
                    field,
                    "'" + pattern + "' names no event type: use *, <resource>.* or one of "
                            + String.join(", ", ALL.keySet()));
        }
        return pattern;
    }
}
