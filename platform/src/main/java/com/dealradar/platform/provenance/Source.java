package com.dealradar.platform.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The provenance of a fact: every fact DealRadar holds says where it comes from. The same value is the
 * API shape and the stored shape.
 */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Source", description = "Where a fact comes from")
public record Source(
        @NotNull
        @Enumerated(EnumType.STRING) @Column(name = "kind", length = 30, nullable = false)
        @Schema(description = "Kind of source", examples = "article")
        SourceKind kind,
        @Size(max = 200) @Column(name = "publisher", length = 200)
        @Schema(description = "Publisher or author", examples = "Bloomberg")
        String publisher,
        @Size(max = 500) @Column(name = "title", length = 500)
        @Schema(description = "Title of the document", examples = "Alibaba in Talks With BT on Cloud Services Partnership")
        String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Column(name = "url", length = 2000)
        @Schema(description = "Where to read it", examples = "https://www.bloomberg.com/")
        String url,
        @Column(name = "published_on")
        @Schema(description = "Publication date", examples = "2018-07-03")
        LocalDate publishedOn,
        @Size(max = 1000) @Column(name = "note", length = 1000)
        @Schema(description = "What the source says about this fact, or why it is general knowledge")
        String note) {
}
