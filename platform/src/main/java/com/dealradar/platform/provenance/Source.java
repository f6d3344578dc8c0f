package com.dealradar.platform.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The provenance of a fact: every fact DealRadar holds says where it comes from. The same value is the
 * API shape and the stored shape. {@code publisher} is the organisation that published the document and
 * {@code author} the person who wrote it: they are different facts (an analyst's job title is not a
 * publisher). What the document itself does not say is either marked {@code inferred} (DealRadar's reading
 * of the context) or {@code notStated} (unknown), never filled in silently.
 */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Source", description = "Where a fact comes from")
public record Source(
        @NotNull
        @Enumerated(EnumType.STRING)
        @Column(name = "kind", length = 30, nullable = false)
        @Schema(description = "Kind of source", examples = "article")
        SourceKind kind,

        @Size(max = 200)
        @Column(name = "publisher", length = 200)
        @Schema(description = "The organisation that published the document (not its author)", examples = "Bloomberg")
        String publisher,

        @Size(max = 500)
        @Column(name = "title", length = 500)
        @Schema(
                description = "Title of the document",
                examples = "Alibaba in Talks With BT on Cloud Services Partnership")
        String title,

        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Column(name = "url", length = 2000)
        @Schema(description = "Where to read it", examples = "https://www.bloomberg.com/")
        String url,

        @Column(name = "published_on")
        @Schema(
                description =
                        "Publication date; with publishedPrecision month or year it is the first day of that month or year",
                examples = "2018-07-01")
        LocalDate publishedOn,

        @Size(max = 1000)
        @Column(name = "note", length = 1000)
        @Schema(description = "What the source says about this fact, or why it is general knowledge")
        String note,

        @Size(max = 200)
        @Column(name = "author", length = 200)
        @Schema(description = "Who wrote it (a person), when the document names one", examples = "Ron Westfall")
        String author,

        @Enumerated(EnumType.STRING)
        @Column(name = "published_precision", length = 5)
        @Schema(
                description = "How much of publishedOn is known (default day when publishedOn is given)",
                examples = "month")
        Precision publishedPrecision,

        @Size(max = 5)
        @Convert(converter = SourceFieldsColumn.class)
        @Column(name = "inferred", length = 100)
        @Schema(
                description =
                        "Fields DealRadar inferred from the context rather than read in the document (e.g. a date worked out from the text)",
                examples = "[\"title\", \"publishedOn\"]")
        Set<@NotNull SourceField> inferred,

        @Size(max = 5)
        @Convert(converter = SourceFieldsColumn.class)
        @Column(name = "not_stated", length = 100)
        @Schema(description = "Fields the document does not give and that are left empty", examples = "[\"publisher\"]")
        Set<@NotNull SourceField> notStated) {

    /** The shape before authors and inference marks existed; kept for code that builds plain sources. */
    public Source(SourceKind kind, String publisher, String title, String url, LocalDate publishedOn, String note) {
        this(kind, publisher, title, url, publishedOn, note, null, null, null, null);
    }
}
