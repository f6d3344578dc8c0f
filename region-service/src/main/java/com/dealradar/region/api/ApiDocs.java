package com.dealradar.region.api;

import com.dealradar.platform.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "DealRadar region-service",
                        version = "1.0.0",
                        description =
                                "Regions, regulatory regimes, regulatory matters with statutory deadlines, certifications, "
                                        + "regulatory assessments of deals and the clearance check deal-service calls before completing a deal. "
                                        + "Errors are RFC 9457 " + Problem.MEDIA_TYPE + "."),
        tags = {
            @Tag(name = "Regions", description = "Countries and the regimes in force there"),
            @Tag(name = "Regimes", description = "Regulatory regimes: reference data, editable by analysts"),
            @Tag(
                    name = "Regulatory matters",
                    description = "Reviews of deals and companies under a regime, with deadlines"),
            @Tag(name = "Certifications", description = "Certifications and attestations such as BSI C5"),
            @Tag(name = "Assessments", description = "Which regimes a deal triggers and why"),
            @Tag(name = "Clearances", description = "Whether a deal may complete")
        })
public class ApiDocs extends Application {}
