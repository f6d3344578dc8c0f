package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.VisibleText;
import com.dealradar.region.persistence.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

@ApplicationScoped
public class RegionService {

    private final RegionRepository regions;
    private final Today today;

    RegionService(RegionRepository regions, Today today) {
        this.regions = regions;
        this.today = today;
    }

    /** 404 when there is no such region. */
    public Region get(String code) {
        return regions.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Region", code));
    }

    /** Regions in code order, after {@code afterCode} when given. */
    public List<Region> page(String afterCode, int limit) {
        return regions.page(afterCode, limit);
    }

    @Transactional
    public <R> R create(RegionDraft input, Function<Region, R> answer) {
        return answer.apply(create(input));
    }

    @Transactional
    public Region create(RegionDraft input) {
        return createSeeded(input, null);
    }

    /** Creates a region; one of a seed entry is marked with the entry's {@code seedDigest} (see {@link #reseed}). */
    @Transactional
    public Region createSeeded(RegionDraft input, String seedDigest) {
        if (input.code() == null) {
            throw ProblemException.invalid("code", "must not be null");
        }
        RegionKind kind = input.kind() == null ? RegionKind.country : input.kind();
        if (kind == RegionKind.country && !CountryCodes.isCountry(input.code())) {
            throw ProblemException.invalid("code", "'" + input.code() + "' is not an ISO 3166-1 alpha-2 country code");
        }
        if (kind == RegionKind.supranational && CountryCodes.isCountry(input.code())) {
            throw ProblemException.invalid(
                    "code",
                    "'" + input.code() + "' is a country; a supranational region needs a code of its own such as EU");
        }
        if (regions.findByIdOptional(input.code()).isPresent()) {
            throw ProblemException.taken("code", "Region " + input.code() + " already exists");
        }
        Region region = new Region();
        region.code = input.code();
        region.kind = kind;
        region.createdAt = today.now();
        apply(region, input);
        if (seedDigest != null) {
            region.markSeeded(seedDigest, false);
        }
        regions.persistAndFlush(region);
        return region;
    }

    /**
     * Writes a seed entry changed since it wrote the region (a later release's correction) over the region; the
     * seeder calls it only for a region nobody has written through the API since. Its kind stays.
     */
    @Transactional
    public Region reseed(RegionDraft input, String seedDigest) {
        Region region = get(input.code());
        apply(region, input);
        region.markSeeded(seedDigest, true);
        regions.flush();
        return region;
    }

    /**
     * Replaces the region with what {@code change} makes of it (a PUT's body, or a merge patch applied to the
     * current state), after checking {@code expected} against the row it changes; calls {@code answer} in the same
     * transaction.
     */
    @Transactional
    public <R> R replace(
            String code, VersionCheck expected, Function<Region, RegionDraft> change, Function<Region, R> answer) {
        Region region = get(code);
        expected.check(region.version);
        RegionDraft input = change.apply(region);
        if (input.code() != null && !input.code().equals(region.code)) {
            throw ProblemException.unprocessable("code", "a region's code cannot change (was " + region.code + ")");
        }
        if (input.kind() != null && input.kind() != region.kind) {
            throw ProblemException.unprocessable("kind", "a region's kind cannot change (it is " + region.kind + ")");
        }
        apply(region, input);
        regions.flush();
        return answer.apply(region);
    }

    private void apply(Region region, RegionDraft input) {
        RegionKind kind = region.kind;
        List<Membership> members = orEmpty(input.members());
        if (kind == RegionKind.country && !members.isEmpty()) {
            throw ProblemException.invalid("members", "only a supranational region has members");
        }
        for (int i = 0; i < members.size(); i++) {
            Membership m = members.get(i);
            if (!CountryCodes.isCountry(m.country())) {
                throw ProblemException.invalid(
                        "members[" + i + "].country",
                        "'" + m.country() + "' is not an ISO 3166-1 alpha-2 country code");
            }
            if (m.from() != null && m.to() != null && m.to().isBefore(m.from())) {
                throw ProblemException.invalid("members[" + i + "].to", "must not be before from");
            }
            if (m.treatedAsMemberUntil() != null
                    && (m.to() == null || m.treatedAsMemberUntil().isBefore(m.to()))) {
                throw ProblemException.invalid(
                        "members[" + i + "].treatedAsMemberUntil",
                        "a transition follows leaving: give to, and a day not before it");
            }
        }
        region.members = List.copyOf(members);
        region.timeZone = timeZone(input.timeZone());
        today.forgetZones();
        region.name = VisibleText.strip("name", input.name());
        region.description = input.description();
        region.sources.clear();
        region.sources.addAll(orEmpty(input.sources()));
        region.updatedAt = today.now();
    }

    /** An IANA time zone id (Europe/Berlin), UTC when none is given; 400 for anything else (an offset, a typo). */
    private static String timeZone(String id) {
        if (id == null) {
            return Region.UTC;
        }
        String problem = "must be an IANA time zone such as Europe/Berlin or UTC";
        try {
            ZoneId zone = ZoneId.of(id);
            // A fixed offset however it is written: +01:00, but also GMT+1, UTC+08:00 or Etc/GMT-8, whose rules
            // never change (normalized() is then the offset itself).
            if (zone.normalized() instanceof ZoneOffset offset) {
                if (offset.getTotalSeconds() == 0) {
                    return Region.UTC;
                }
                throw ProblemException.invalid("timeZone", problem + ", not an offset: daylight saving time moves it");
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", problem);
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null
                ? List.of()
                : new ArrayList<>(list.stream().filter(Objects::nonNull).toList());
    }
}
