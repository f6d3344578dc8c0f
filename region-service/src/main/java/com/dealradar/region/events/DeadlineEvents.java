package com.dealradar.region.events;

import com.dealradar.platform.events.Outbox;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.scheduling.PeriodicTask;
import com.dealradar.region.domain.Certification;
import com.dealradar.region.domain.Deadline;
import com.dealradar.region.domain.MatterService;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.RegionalToday;
import com.dealradar.region.domain.RegulatoryMatter;
import com.dealradar.region.domain.Today;
import com.dealradar.region.domain.WorkingCalendar;
import com.dealradar.region.persistence.CertificationRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the events no request causes: {@code regulatory_matter.deadline_approaching} (a configurable number of working
 * days of the regime's calendar before the due day), {@code regulatory_matter.deadline_passed} (the day after it) and
 * {@code certification.expired} (the day after an attestation's validity ends). Each once per deadline: the event and a
 * {@code deadline_notice} row keyed by the deadline commit together, so with several replicas the second writer's
 * insert fails on the key and its event rolls back with it. A deadline that moves (an extension, a clock-stop) is a new
 * deadline with events of its own. A notice is written only while its matter or certification is still at the version
 * it was computed from, with that row locked: a matter cleared in between gets no {@code deadline_passed} after its
 * {@code transitioned} (the next check computes again from what the matter is now), and a write that comes after the
 * lock waits, so its event follows the notice.
 */
@ApplicationScoped
public class DeadlineEvents {

    public static final String APPROACHING = "regulatory_matter.deadline_approaching";
    public static final String PASSED = "regulatory_matter.deadline_passed";
    public static final String EXPIRED = "certification.expired";
    private static final Logger LOG = Logger.getLogger(DeadlineEvents.class);

    private final EntityManager em;
    private final MatterService matters;
    private final CertificationRepository certifications;
    private final Outbox outbox;
    private final Today today;
    private final ObjectMapper mapper;
    private final DeadlineEventsConfig config;
    private PeriodicTask checks;

    DeadlineEvents(
            EntityManager em,
            MatterService matters,
            CertificationRepository certifications,
            Outbox outbox,
            Today today,
            ObjectMapper mapper,
            DeadlineEventsConfig config) {
        this.em = em;
        this.matters = matters;
        this.certifications = certifications;
        this.outbox = outbox;
        this.today = today;
        this.mapper = mapper;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        checks = PeriodicTask.start(
                "deadline-events",
                // The first check soon after start (at most 10 s), then every interval.
                config.interval().compareTo(Duration.ofSeconds(10)) < 0 ? config.interval() : Duration.ofSeconds(10),
                config.interval(),
                this::runOnce);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (checks != null) {
            checks.close();
        }
    }

    /** One check of every open matter's deadline and every lapsing certification; returns the events written. */
    public int runOnce() {
        return write(due());
    }

    /** What is due now, computed from the matters and certifications as they are (one transaction). */
    public List<Notice> due() {
        // Each matter's and certification's day is today in its region (a deadline passes at midnight there).
        RegionalToday days = today.everywhere();
        long lookBack = Math.max(1, config.lookBack().toDays());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Notice> notices = new ArrayList<>();
            for (RegulatoryMatter matter : em.createQuery(
                            "from RegulatoryMatter m where m.status in :open", RegulatoryMatter.class)
                    .setParameter("open", MatterStatus.OPEN)
                    .getResultList()) {
                Deadline deadline;
                try {
                    deadline = matters.deadline(matter).orElse(null);
                } catch (RuntimeException e) {
                    // One matter whose deadline cannot be computed must not hold up every other matter's events.
                    LOG.warnf("deadline of matter %s not computed: %s", matter.id, e.getMessage());
                    continue;
                }
                LocalDate day = days.in(matter.regionCode);
                if (deadline == null
                        || deadline.dueOn() == null
                        || deadline.dueOn().isBefore(day.minusDays(lookBack))) {
                    continue;
                }
                // The calendar of the clock itself (the Enterprise Act counts only England and Wales bank holidays).
                WorkingCalendar calendar = matters.calendar(matter);
                LocalDate from = workingDaysBefore(deadline.dueOn(), config.leadWorkingDays(), calendar);
                String kind = day.isAfter(deadline.dueOn()) ? PASSED : !day.isBefore(from) ? APPROACHING : null;
                if (kind != null) {
                    notices.add(new Notice(
                            matter.id + ":" + deadline.clock() + ":" + deadline.dueOn(),
                            kind,
                            "regulatory_matter",
                            matter.id,
                            "/regulatory-matters/" + matter.id,
                            RegulatoryMatter.class,
                            matter.version,
                            matterData(matter, deadline, day, calendar)));
                }
            }
            for (Certification c :
                    certifications.lapsedSince(days, days.earliest().minusDays(lookBack))) {
                ObjectNode data = mapper.createObjectNode()
                        .put("certificationId", c.id.toString())
                        .put("companyId", c.companyId.toString())
                        .put("regionCode", c.regionCode)
                        .put("scheme", c.scheme == null ? null : c.scheme.toString())
                        .put("validTo", c.validTo.toString())
                        .put("status", "expired");
                notices.add(new Notice(
                        c.id + ":" + c.validTo,
                        EXPIRED,
                        "certification",
                        c.id,
                        "/certifications/" + c.id,
                        Certification.class,
                        c.version,
                        data));
            }
            return notices;
        });
    }

    /** Writes the notices not written before and still true of their matter or certification; returns how many. */
    public int write(List<Notice> notices) {
        int written = 0;
        for (Notice notice : notices) {
            try {
                if (write(notice)) {
                    written++;
                }
            } catch (RuntimeException e) {
                // One notice that cannot be written now (its row held past the lock timeout, the database away for a
                // moment) must not hold up the others until the next check; that check tries it again.
                LOG.warnf("deadline notice %s (%s) not written: %s", notice.key(), notice.kind(), e.getMessage());
            }
        }
        return written;
    }

    /** An event due for a matter or certification, computed from it at {@code version}. */
    public record Notice(
            String key,
            String kind,
            String resourceType,
            UUID resourceId,
            String path,
            Class<? extends AuditedEntity> entity,
            long version,
            ObjectNode data) {}

    /** The notice row and its event in one transaction; false when it was written before (by this or another replica). */
    private boolean write(Notice notice) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                AuditedEntity row = em.find(notice.entity(), notice.resourceId(), LockModeType.PESSIMISTIC_WRITE);
                if (row == null || row.version != notice.version()) {
                    // Changed (or deleted) since the notice was computed: the next check computes it again.
                    return false;
                }
                Long seen = ((Number) em.createNativeQuery(
                                        "select count(*) from deadline_notice where notice_key = ? and kind = ?")
                                .setParameter(1, notice.key())
                                .setParameter(2, notice.kind())
                                .getSingleResult())
                        .longValue();
                if (seen > 0) {
                    return false;
                }
                em.createNativeQuery("insert into deadline_notice (notice_key, kind, recorded_at) values (?, ?, ?)")
                        .setParameter(1, notice.key())
                        .setParameter(2, notice.kind())
                        .setParameter(3, today.now())
                        .executeUpdate();
                outbox.emit(
                        notice.kind(),
                        notice.resourceType(),
                        notice.resourceId().toString(),
                        notice.path(),
                        EntityTags.of(notice.version()).toString(),
                        notice.data());
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            // Another replica wrote the same notice first (the key refused ours, and our event rolled back with it).
            if (written(notice)) {
                return false;
            }
            throw e;
        }
    }

    private boolean written(Notice notice) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                                "select count(*) from deadline_notice where notice_key = ? and kind = ?")
                                        .setParameter(1, notice.key())
                                        .setParameter(2, notice.kind())
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    private ObjectNode matterData(RegulatoryMatter matter, Deadline deadline, LocalDate day, WorkingCalendar calendar) {
        ObjectNode data = mapper.createObjectNode()
                .put("matterId", matter.id.toString())
                .put("dealId", matter.dealId == null ? null : matter.dealId.toString())
                .put("companyId", matter.companyId == null ? null : matter.companyId.toString())
                .put("regionCode", matter.regionCode)
                .put("regime", matter.regime.code)
                .put("status", matter.status.toString())
                .put("clock", deadline.clock())
                .put("label", deadline.label())
                .put("dueOn", deadline.dueOn().toString())
                .put("leadWorkingDays", config.leadWorkingDays())
                .put("calendar", calendar.description());
        if (!day.isAfter(deadline.dueOn())) {
            data.put("workingDaysLeft", workingDaysBetween(day, deadline.dueOn(), calendar));
        }
        return data;
    }

    /** The day {@code n} working days before {@code due}. */
    static LocalDate workingDaysBefore(LocalDate due, int n, WorkingCalendar calendar) {
        LocalDate day = due;
        int counted = 0;
        while (counted < n) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}. */
    static int workingDaysBetween(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
