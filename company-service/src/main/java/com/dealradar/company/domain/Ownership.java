package com.dealradar.company.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who owns the company at the top. The wire values "public" and "private" are Java keywords, hence the
 * mapped constant names.
 */
@Schema(enumeration = {"public", "private", "state_owned", "mixed"})
public enum Ownership {
    @JsonProperty("public")
    public_company,
    @JsonProperty("private")
    private_company,
    state_owned,
    mixed
}
