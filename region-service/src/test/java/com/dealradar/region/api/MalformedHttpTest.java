package com.dealradar.region.api;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.MalformedRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The platform's malformed-request fixture against region-service: 4xx problems, closed where framing is ambiguous. */
@QuarkusTest
class MalformedHttpTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void malformedRequestsGetProblemsAndAmbiguousFramingClosesTheConnection() {
        MalformedRequests.verify(
                "region-service", MalformedRequests.at(root, "/regions", "Authorization: " + InternalTokens.analyst()));
    }
}
