package com.dealradar.deal.api;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.MalformedRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The platform's malformed-request fixture against deal-service: 4xx problems, closed where framing is ambiguous. */
@QuarkusTest
class MalformedHttpTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void malformedRequestsGetProblemsAndAmbiguousFramingClosesTheConnection() {
        MalformedRequests.verify(
                "deal-service", MalformedRequests.at(root, "/deals", "Authorization: " + InternalTokens.analyst()));
    }
}
