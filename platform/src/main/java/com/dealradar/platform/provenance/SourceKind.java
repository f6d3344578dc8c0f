package com.dealradar.platform.provenance;

/** Where a fact comes from. Constants are the wire values. */
public enum SourceKind {
    /** a news or analyst article (the seeds are these) */
    article,
    /** an official publication: a regulator's decision, a gazette, a statute */
    official,
    /** a company's own filing or press release */
    company_filing,
    /** widely known and not taken from a cited document; marked so that readers can weigh it */
    general_knowledge
}
