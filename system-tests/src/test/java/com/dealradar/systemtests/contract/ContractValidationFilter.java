package com.dealradar.systemtests.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;

/**
 * Every response a system test receives through RestAssured from the public API is checked against the
 * contract (ContractValidator): an answer the contract does not describe fails the test at the call that got it.
 */
public final class ContractValidationFilter implements Filter {

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        List<String> violations = ContractValidator.get()
                .violations(
                        request.getMethod(),
                        request.getURI(),
                        response.statusCode(),
                        response.contentType(),
                        response::header,
                        response.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "The answer does not match contract/openapi.json:\n  " + String.join("\n  ", violations));
        }
        return response;
    }
}
