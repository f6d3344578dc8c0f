package com.dealradar.platform.http;

import com.dealradar.platform.json.CanonicalJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * ETags of views that show more than their row: a regulatory matter's deadline (its regime's clocks, the region's
 * holidays, today in the region), a certification's status today, a regime's version in force today, a region's list
 * of regimes. Such a view changes while its row's version stays, so its tag is the version and a digest of the view
 * itself ({@link EntityTags}): a client's {@code If-None-Match} gets 304 only for the view it holds, while its
 * {@code If-Match} still names the row it read. The digest is of canonical JSON ({@link CanonicalJson}), so that every
 * replica gives one view one tag.
 */
@ApplicationScoped
public class ViewTags {

    /** Hex digits of the view's SHA-256 kept in the tag: 64 bits, ample to tell the views of one version apart. */
    private static final int DIGEST_LENGTH = 16;

    private final CanonicalJson canonical;

    ViewTags(ObjectMapper mapper) {
        this.canonical = new CanonicalJson(mapper);
    }

    /** The tag of {@code view}, a view of a row at {@code version}. */
    public EntityTag of(long version, Object view) {
        return EntityTags.of(version, canonical.sha256Hex(view).substring(0, DIGEST_LENGTH));
    }

    /** 201 with the created row's view and its tag. */
    public Response created(URI location, long version, Object view) {
        return Response.created(location).tag(of(version, view)).entity(view).build();
    }

    /** {@link ConditionalWrites#ok(EntityTag, Object)} with this view's tag. */
    public Response written(long version, Object view) {
        return ConditionalWrites.ok(of(version, view), view);
    }

    /** {@link ConditionalWrites#changed(EntityTag, Object)} with this view's tag. */
    public Response changed(long version, Object view) {
        return ConditionalWrites.changed(of(version, view), view);
    }

    /** 304 when {@code ifNoneMatch} names this view's tag, otherwise 200 with the view and its tag. */
    public Response okOrNotModified(String ifNoneMatch, long version, Object view) {
        return EntityTags.okOrNotModified(ifNoneMatch, of(version, view), view);
    }
}
