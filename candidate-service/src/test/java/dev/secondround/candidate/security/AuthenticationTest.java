package dev.secondround.candidate.security;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.testing.EndpointMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every operation: 401 problem+json without a token and with each kind of bad token. */
@QuarkusTest
class AuthenticationTest {

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesMissingAndBadTokens() {
        return EndpointMatrix.refusesMissingAndBadTokens(Operations.ALL, Api.AUDIENCE, Operations.createIds(Api.A), Operations::body);
    }
}
