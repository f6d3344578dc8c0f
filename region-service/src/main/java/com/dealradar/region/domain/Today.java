package com.dealradar.region.domain;

import com.dealradar.platform.time.Clocks;
import com.dealradar.region.persistence.RegionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The current instant, from the platform's clock bean, and the current day of a region: the date in its authorities'
 * time zone ({@link Region#timeZone}). A regulator counts its days in its own calendar: at 20:00 UTC it is already the
 * next day in Beijing, so a certificate valid until today has lapsed for China and a clock started without a date
 * started on China's date. One place, so that expiry, deadlines, the rules in force and their events agree.
 */
@ApplicationScoped
public class Today {

    /**
     * How long the regions' time zones are kept before they are read again: a changed zone applies everywhere within
     * this (the answer to the write that changes it, and this replica's next reads, at once: {@link #forgetZones()}).
     */
    static final Duration ZONES_KEPT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(Today.class);
    private static final ZoneId UTC = ZoneId.of(Region.UTC);

    private final InstantSource clock;
    private final RegionRepository regions;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Zones zones = Zones.NONE;

    /** The regions' time zones as read at {@code readAt} ({@link System#nanoTime()}). */
    private record Zones(Map<String, ZoneId> byRegion, long readAt) {
        static final Zones NONE = new Zones(Map.of(), 0);

        boolean fresh() {
            return this != NONE && System.nanoTime() - readAt < ZONES_KEPT.toNanos();
        }
    }

    Today(InstantSource clock, RegionRepository regions, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.regions = regions;
        this.transactions = transactions;
    }

    /** Today in the time zone of {@code regionCode}'s authorities; in UTC for no region or an unknown one. */
    public LocalDate in(String regionCode) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(regionCode));
    }

    /** "Now" as the database stores it ({@link Clocks#storedNow}), so in-memory and stored timestamps stay equal. */
    public Instant now() {
        return Clocks.storedNow(clock);
    }

    /** Today in every region at this instant. */
    public RegionalToday everywhere() {
        Instant now = clock.instant();
        Map<String, LocalDate> dates = new HashMap<>();
        zones().byRegion().forEach((code, zone) -> dates.put(code, LocalDate.ofInstant(now, zone)));
        return new RegionalToday(dates, LocalDate.ofInstant(now, UTC));
    }

    /** The time zone of {@code regionCode}'s authorities; UTC for no region or an unknown one. */
    public ZoneId zoneOf(String regionCode) {
        return regionCode == null ? UTC : zones().byRegion().getOrDefault(regionCode, UTC);
    }

    private Zones zones() {
        Zones known = zones;
        return known.fresh() ? known : read();
    }

    /**
     * After a region was written: its time zone may have changed, so the next question reads them again, and again once
     * the write's transaction has ended. The write's own answer reads (and keeps) the zone it wrote, uncommitted, and
     * another request may read the old one before the commit: without the second clearing, this replica went on with a
     * zone that was rolled back, or the old one, for {@link #ZONES_KEPT}.
     */
    public void forgetZones() {
        zones = Zones.NONE;
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    zones = Zones.NONE;
                }
            });
        }
    }

    private Zones read() {
        Map<String, String> stored = QuarkusTransaction.joiningExisting().call(regions::timeZones);
        Map<String, ZoneId> byRegion = new HashMap<>();
        stored.forEach((code, zone) -> {
            try {
                byRegion.put(code, ZoneId.of(zone));
            } catch (DateTimeException e) {
                // Written before this JDK's time-zone data dropped the id: the region counts in UTC until corrected.
                LOG.warnf("region %s names the time zone %s, which this JDK does not know: using UTC", code, zone);
            }
        });
        Zones read = new Zones(Map.copyOf(byRegion), System.nanoTime());
        zones = read;
        return read;
    }
}
