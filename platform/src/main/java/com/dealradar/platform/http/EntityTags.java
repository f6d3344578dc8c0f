package com.dealradar.platform.http;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.crypto.Sha256;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong ETags derived from an entity's optimistic-lock version, and the conditional-request rules of
 * the API: {@code If-Match} is mandatory on writes (428 without it, 412 when stale) and
 * {@code If-None-Match} turns a read into 304.
 *
 * <p>A view that shows more than its row (what other rows or today's date decide, see {@link ViewTags}) has a tag
 * {@code "<version>.<digest of the view>"}: {@code If-None-Match} compares the whole tag (304 only for the same view),
 * {@code If-Match} the version before the dot (a write changes the row it read, whatever the date was when it read it).
 */
public final class EntityTags {

    private EntityTags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The tag of a view of a row at {@code version} that also shows what else it depends on ({@code digest}). */
    static EntityTag of(long version, String digest) {
        return new EntityTag(version + "." + digest);
    }

    /** Throws 428 when {@code ifMatch} is absent: every state-changing request must say which version it changes. */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so that you do not overwrite someone else's change");
        }
    }

    /**
     * Throws 428 when {@code ifMatch} is absent and 412 when none of its tags is the current one by the strong
     * comparison (RFC 9110 13.1.1): a weak tag {@code W/"1"} says "equivalent", not "the same bytes", and never
     * authorises a write.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requirePresent(ifMatch);
        if (!strongMatch(ifMatch, Long.toString(currentVersion))) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch.strip() + " does not match the current ETag \"" + currentVersion
                            + "\"; read the resource again and reapply your change");
        }
    }

    /**
     * The If-Match precondition for a domain service to check inside its transaction, against the row it changes.
     * Both answers (428 missing, 412 stale) come from the check, after the row is read, so an unknown id is
     * still 404 first.
     */
    public static VersionCheck ifMatch(String ifMatch) {
        return currentVersion -> requireMatch(ifMatch, currentVersion);
    }

    /**
     * A weak ETag computed from a representation's bytes, for an answer that has no version of its own (a composite
     * assembled from several resources): the same bytes give the same tag on every gateway replica.
     */
    public static EntityTag ofContent(byte[] representation) {
        return new EntityTag(
                Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Sha256.of(representation), 18)),
                true);
    }

    /** 304 when {@code ifNoneMatch} names the current version, otherwise 200 with the entity and its ETag. */
    public static Response okOrNotModified(String ifNoneMatch, long version, Object entity) {
        return okOrNotModified(ifNoneMatch, of(version), entity);
    }

    /** 304 when {@code ifNoneMatch} names {@code tag}, otherwise 200 with the entity and {@code tag}. */
    public static Response okOrNotModified(String ifNoneMatch, EntityTag tag, Object entity) {
        if (notModified(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(entity).tag(tag).build();
    }

    /** Whether a read with {@code ifNoneMatch} is answered 304 (RFC 9110 13.1.2: {@code *}, or the weak comparison). */
    public static boolean notModified(String ifNoneMatch, EntityTag current) {
        return ifNoneMatch != null && matches(ifNoneMatch, current.getValue());
    }

    static boolean matches(String header, long version) {
        return matches(header, Long.toString(version));
    }

    /** The weak comparison (If-None-Match): {@code W/"1"} and {@code "1"} match. */
    private static boolean matches(String header, String current) {
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals("\"" + current + "\""));
    }

    /**
     * The strong comparison (If-Match): only an unmarked tag, or {@code *}; a tag with a view's digest
     * ({@code "3.9f2c..."}) by its version.
     */
    private static boolean strongMatch(String header, String currentVersion) {
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .anyMatch(t -> t.equals("*")
                        || t.equals("\"" + currentVersion + "\"")
                        || (t.startsWith("\"" + currentVersion + ".") && t.endsWith("\"")));
    }
}
