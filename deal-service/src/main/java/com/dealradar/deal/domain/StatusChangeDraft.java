package com.dealradar.deal.domain;

import com.dealradar.platform.provenance.Source;

/** A change of a deal's status as a write states it: the new status, when it took effect, a note and its source. */
public record StatusChangeDraft(DealStatus status, PartialDate effectiveDate, String note, Source source) {}
