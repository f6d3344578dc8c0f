package com.dealradar.company.api;

import com.dealradar.company.domain.OwnershipLinkDraft;
import com.dealradar.company.domain.OwnershipLinkType;
import com.dealradar.platform.provenance.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OwnershipLinkInput", description = "owner holds owned")
public record OwnershipLinkInput(
        @NotNull @Schema(description = "Id of the owning company", required = true)
        UUID ownerId,

        @NotNull @Schema(description = "Id of the owned company", required = true)
        UUID ownedId,

        @NotNull @Schema(description = "How the owner holds the owned company", required = true)
        OwnershipLinkType type,

        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @Schema(description = "Share of capital held, in percent", examples = "100")
        BigDecimal stakePercent,

        @Schema(description = "First day of the holding; absent: unknown")
        LocalDate validFrom,

        @Schema(description = "Last day of the holding; absent while it lasts")
        LocalDate validTo,

        @Size(max = 50) List<@NotNull @Valid Source> sources) {

    /** The command the domain applies its rules to. */
    public OwnershipLinkDraft toDraft() {
        return new OwnershipLinkDraft(ownerId, ownedId, type, stakePercent, validFrom, validTo, sources);
    }
}
