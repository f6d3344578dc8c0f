package com.dealradar.gateway.composite;

import com.dealradar.platform.problem.Problem;
import java.net.URI;

/** Problem types of the gateway that the platform's ProblemType does not have (502, 504). */
public final class GatewayTypes {

    public static final URI BAD_GATEWAY = URI.create(Problem.TYPE_BASE + "bad-gateway");
    public static final URI GATEWAY_TIMEOUT = URI.create(Problem.TYPE_BASE + "gateway-timeout");

    private GatewayTypes() {}
}
