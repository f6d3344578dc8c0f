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
        MalformedRequests.Report report = MalformedRequests.check(new MalformedRequests.Target(
                root.getHost(),
                root.getPort(),
                "/deals",
                "/deals",
                "Authorization: " + InternalTokens.analyst(),
                256 * 1024));
        report.print("deal-service");
        report.assertRefusedCleanly();
        org.assertj.core.api.Assertions.assertThat(report.plain().status()).isEqualTo(200);
    }
}
