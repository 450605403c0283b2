package dev.secondround.candidate.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.candidate.testsupport.Operations.Ids;
import dev.secondround.candidate.testsupport.Operations.Operation;
import dev.secondround.testing.ContractChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** Every operation: 401 problem+json without a token and with each kind of bad token, and nothing written. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {

    private Ids ids;


    @TestFactory
    Stream<DynamicTest> everyOperationRefusesMissingAndBadTokens() {
        if (ids == null) { ids = Ids.create(Api.A); }
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : Operations.ALL) {
            tests.add(DynamicTest.dynamicTest(op.method() + " " + op.path() + " without token", () ->
                    call(given(), op).then().statusCode(401)
                            .contentType(startsWith("application/problem+json"))
                            .header("WWW-Authenticate", startsWith("Bearer"))
                            .body("type", equalTo("https://secondround.dev/problems/unauthenticated"))));
            for (Map.Entry<String, String> bad : ContractChecks.badTokens(Api.AUDIENCE, "recruiter").entrySet()) {
                tests.add(DynamicTest.dynamicTest(op.method() + " " + op.path() + " with " + bad.getKey() + " token", () ->
                        call(given().auth().oauth2(bad.getValue()), op).then().statusCode(401)
                                .contentType(startsWith("application/problem+json"))));
            }
        }
        return tests.stream();
    }

    private io.restassured.response.Response call(RequestSpecification request, Operation op) {
        Object body = op.body(Api.A, ids);
        RequestSpecification spec = request.contentType(ContentType.JSON).header("If-Match", "\"0\"");
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(op.method(), op.resolve(ids));
    }

}
