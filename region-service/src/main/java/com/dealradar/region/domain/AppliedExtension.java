package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An extension granted on a matter's clock: one of the regime's extensions by code (its length then comes
 * from the regime unless given here), or an ad hoc one with length and unit.
 */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppliedExtension", description = "An extension granted on one of the matter's clocks")
public record AppliedExtension(
        @NotBlank
        @Size(max = 40)
        @Column(name = "clock", length = 40, nullable = false)
        @Schema(description = "Code of the regime clock extended", examples = "assessment", required = true)
        String clock,

        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _")
        @Column(name = "code", length = 40)
        @Schema(description = "Code of the regime's extension", examples = "additional")
        String code,

        @Min(1)
        @Max(3650)
        @Column(name = "period_length")
        @Schema(
                description = "Length; required when the regime's extension has none or no code is given",
                examples = "45")
        Integer length,

        @Enumerated(EnumType.STRING)
        @Column(name = "period_unit", length = 20)
        @Schema(description = "How the length is counted; absent: the regime extension's")
        ClockUnit unit,

        @Column(name = "granted_on") @Schema(description = "When the extension was granted", examples = "2024-05-02")
        LocalDate grantedOn,

        @Size(max = 1000) @Column(name = "note", length = 1000) @Schema(description = "What the extension is for")
        String note) {}
