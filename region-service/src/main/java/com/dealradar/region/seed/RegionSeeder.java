package com.dealradar.region.seed;

import com.dealradar.platform.persistence.ExistingIds;
import com.dealradar.platform.persistence.SeedMarks;
import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.seed.SeedConfig;
import com.dealradar.platform.seed.SeedFiles;
import com.dealradar.platform.seed.SeedTransaction;
import com.dealradar.platform.seed.Uuid5;
import com.dealradar.region.api.CertificationInput;
import com.dealradar.region.api.MatterInput;
import com.dealradar.region.api.RegimeInput;
import com.dealradar.region.api.RegionInput;
import com.dealradar.region.domain.Certification;
import com.dealradar.region.domain.CertificationService;
import com.dealradar.region.domain.MatterService;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.Regime;
import com.dealradar.region.domain.RegimeService;
import com.dealradar.region.domain.Region;
import com.dealradar.region.domain.RegionService;
import com.dealradar.region.domain.RegulatoryMatter;
import com.dealradar.region.domain.StatusChange;
import com.dealradar.region.persistence.CertificationRepository;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegimeRepository;
import com.dealradar.region.persistence.RegionRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Loads the first data set through the same rules as the API: {@code seed/regions.json} (regions and their
 * regimes) and {@code seed/matters.json} (the regulatory matters and certifications of the seed articles, each
 * with its source and basis). {@link RegionSeedCheck} runs first: a seed that breaks a consistency rule stops the
 * start. A matter's {@code status} is its current one and equals the last entry of its {@code history}; it is
 * created in the first entry's status and walks the status machine step by step. Ids are fixed (name-based). Matters
 * and certifications already present are left alone; a region or regime whose seed entry changed since it wrote the row
 * (a correction in a later release) is rewritten from it unless the row was written through the API since: analysts'
 * edits survive restarts and upgrades.
 */
@ApplicationScoped
public class RegionSeeder {

    private static final Logger LOG = Logger.getLogger(RegionSeeder.class);

    private final SeedConfig config;
    private final SeedFiles files;
    private final RegionService regionService;
    private final RegimeService regimeService;
    private final MatterService matterService;
    private final CertificationService certificationService;
    private final RegionRepository regions;
    private final RegimeRepository regimes;
    private final MatterRepository matters;
    private final CertificationRepository certifications;

    RegionSeeder(
            SeedConfig config,
            SeedFiles files,
            RegionService regionService,
            RegimeService regimeService,
            MatterService matterService,
            CertificationService certificationService,
            RegionRepository regions,
            RegimeRepository regimes,
            MatterRepository matters,
            CertificationRepository certifications) {
        this.config = config;
        this.files = files;
        this.regionService = regionService;
        this.regimeService = regimeService;
        this.matterService = matterService;
        this.certificationService = certificationService;
        this.regions = regions;
        this.regimes = regimes;
        this.matters = matters;
        this.certifications = certifications;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            seed();
        }
    }

    public static UUID dealId(String slug) {
        return Uuid5.seed("deal/" + slug);
    }

    public static UUID regimeId(String code) {
        return Uuid5.seed("regime/" + code);
    }

    public static UUID matterId(String slug) {
        return Uuid5.seed("matter/" + slug);
    }

    public static UUID certificationId(String slug) {
        return Uuid5.seed("certification/" + slug);
    }

    public void seed() {
        JsonNode reference = files.load("seed/regions.json");
        JsonNode facts = files.load("seed/matters.json");
        RegionSeedCheck.check(reference, facts).throwIfAny();
        int[] added = {0, 0, 0, 0};
        int[] updated = {0, 0};
        List<String> keptAsEdited = new ArrayList<>();
        SeedTransaction.run(regions.getEntityManager(), () -> {
            Map<String, SeedMarks.Mark> presentRegions = SeedMarks.of(
                    regions.getEntityManager(),
                    Region.class,
                    String.class,
                    SeedFiles.keys(
                            reference.get("regions"), node -> node.get("code").asText()));
            Map<UUID, SeedMarks.Mark> presentRegimes = SeedMarks.of(
                    regimes.getEntityManager(),
                    Regime.class,
                    UUID.class,
                    SeedFiles.keys(
                            reference.get("regimes"),
                            node -> regimeId(node.get("code").asText())));
            Set<UUID> presentMatters = ExistingIds.of(
                    matters.getEntityManager(),
                    RegulatoryMatter.class,
                    UUID.class,
                    SeedFiles.keys(
                            facts.get("matters"),
                            node -> matterId(node.get("slug").asText())));
            Set<UUID> presentCertifications = ExistingIds.of(
                    certifications.getEntityManager(),
                    Certification.class,
                    UUID.class,
                    SeedFiles.keys(
                            facts.get("certifications"),
                            node -> certificationId(node.get("slug").asText())));
            // Regions and regimes are reference data: a seed entry corrected in a later release replaces the row it
            // wrote, unless the row was written through the API since (an analyst's edit wins, with a warning).
            for (JsonNode node : reference.get("regions")) {
                String code = node.get("code").asText();
                Written written = writeReference(
                        node,
                        presentRegions.get(code),
                        () -> files.entry(node, RegionInput.class, List.of()).toDraft(),
                        regionService::createSeeded,
                        regionService::reseed);
                count(written, 0, "region " + code, added, updated, keptAsEdited);
            }
            for (JsonNode node : reference.get("regimes")) {
                String code = node.get("code").asText();
                UUID id = regimeId(code);
                Written written = writeReference(
                        node,
                        presentRegimes.get(id),
                        () -> files.entry(node, RegimeInput.class, List.of()).toDraft(),
                        (draft, digest) -> regimeService.createSeeded(id, draft, digest),
                        (draft, digest) -> regimeService.reseed(id, draft, digest));
                count(written, 1, "regime " + code, added, updated, keptAsEdited);
            }
            JsonNode companies = facts.get("companies");
            for (JsonNode node : facts.get("matters")) {
                UUID id = matterId(node.get("slug").asText());
                if (!presentMatters.contains(id)) {
                    ObjectNode fields = node.deepCopy();
                    // The record's status is its current one (the last history entry); it is created in the first.
                    fields.put(
                            "status", node.get("history").get(0).get("status").asText());
                    fields.put("dealId", dealId(node.get("dealSlug").asText()).toString());
                    if (node.has("companySlug")) {
                        fields.put(
                                "companyId",
                                companies.get(node.get("companySlug").asText()).asText());
                    }
                    List<JsonNode> steps = new ArrayList<>();
                    node.get("history").forEach(steps::add);
                    MatterInput input = files.entry(
                            fields, MatterInput.class, List.of("slug", "dealSlug", "companySlug", "history"));
                    RegulatoryMatter matter = matterService.create(id, input.toDraft(), step(steps.getFirst()));
                    for (JsonNode step : steps.subList(1, steps.size())) {
                        StatusChange change = step(step);
                        matterService.changeStatus(
                                matter, change.status(), change.on(), change.precision(), change.note(), null);
                    }
                    added[2]++;
                }
            }
            for (JsonNode node : facts.get("certifications")) {
                UUID id = certificationId(node.get("slug").asText());
                if (!presentCertifications.contains(id)) {
                    ObjectNode fields = node.deepCopy();
                    fields.put(
                            "companyId",
                            companies.get(node.get("companySlug").asText()).asText());
                    if (node.has("matterSlug")) {
                        fields.put(
                                "matterId",
                                matterId(node.get("matterSlug").asText()).toString());
                    }
                    certificationService.create(
                            id,
                            files.entry(fields, CertificationInput.class, List.of("slug", "companySlug", "matterSlug"))
                                    .toDraft());
                    added[3]++;
                }
            }
        });
        LOG.infof(
                "Seed data: %d regions, %d regimes, %d regulatory matters and %d certifications added; %d regions and"
                        + " %d regimes updated to this release's seed",
                added[0], added[1], added[2], added[3], updated[0], updated[1]);
        if (!keptAsEdited.isEmpty()) {
            LOG.warnf(
                    "This release's seed data changes %s, which were edited through the API since they were seeded:"
                            + " kept as edited. Compare them with seed/regions.json and write what should stay.",
                    String.join(", ", keptAsEdited));
        }
    }

    private enum Written {
        ADDED,
        UPDATED,
        KEPT_AS_EDITED,
        UNCHANGED
    }

    /**
     * One reference entry (a region or a regime): added when its row is missing, rewritten when the entry changed
     * since it wrote the row and nobody has written the row through the API since, else left as it is.
     */
    private static <D> Written writeReference(
            JsonNode node,
            SeedMarks.Mark mark,
            Supplier<D> draft,
            BiConsumer<D, String> create,
            BiConsumer<D, String> reseed) {
        String digest = SeedFiles.digest(node);
        if (mark == null) {
            create.accept(draft.get(), digest);
            return Written.ADDED;
        }
        if (digest.equals(mark.digest())) {
            return Written.UNCHANGED;
        }
        if (!mark.asSeeded()) {
            return Written.KEPT_AS_EDITED;
        }
        reseed.accept(draft.get(), digest);
        return Written.UPDATED;
    }

    private static void count(
            Written written, int kind, String name, int[] added, int[] updated, List<String> keptAsEdited) {
        switch (written) {
            case ADDED -> added[kind]++;
            case UPDATED -> updated[kind]++;
            case KEPT_AS_EDITED -> keptAsEdited.add(name);
            case UNCHANGED -> {}
        }
    }

    private StatusChange step(JsonNode step) {
        JsonNode on = step.get("on");
        return new StatusChange(
                MatterStatus.valueOf(step.get("status").asText()),
                on == null || on.isNull() ? null : LocalDate.parse(on.asText()),
                step.hasNonNull("note") ? step.get("note").asText() : null,
                null,
                step.hasNonNull("precision")
                        ? Precision.valueOf(step.get("precision").asText())
                        : null);
    }
}
