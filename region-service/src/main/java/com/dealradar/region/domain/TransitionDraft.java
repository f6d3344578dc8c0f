package com.dealradar.region.domain;

import java.time.LocalDate;

/** A status change of a regulatory matter as a write states it. */
public record TransitionDraft(MatterStatus status, LocalDate on, String note, String stage) {}
