package com.dealradar.company.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Embeddable
@Schema(description = "A listing of the company's shares")
public record StockListing(
        @NotBlank
        @Size(max = 20)
        @Column(name = "exchange", length = 20, nullable = false)
        @Schema(description = "Exchange (MIC or common short name)", examples = "NYSE")
        String exchange,

        @NotBlank
        @Size(max = 20)
        @Column(name = "ticker", length = 20, nullable = false)
        @Schema(description = "Ticker symbol on that exchange", examples = "BABA")
        String ticker) {}
