package dev.secondround.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.secondround.testing.ServiceSkeletonChecks;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Until its features land, the scheduling service must start, be healthy, publish OpenAPI and refuse strangers. */
@QuarkusTest
class SchedulingServiceSkeletonTest {

    private static final String AUDIENCE = "scheduling-service";

    @Test
    void startsHealthyWithItsOwnSchemaMigrated() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiWithSecuredOperations() {
        ServiceSkeletonChecks.openApiDocumentsEveryOperation();
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ServiceSkeletonChecks.refusesBadTokens("/v1/me", AUDIENCE);
    }

    @Test
    void readsTenantAndRolesFromTheVerifiedToken() {
        given().auth().oauth2(TestTokens.token(TestTokens.TENANT_B, "coordinator", AUDIENCE, "coordinator"))
                .get("/v1/me").then().statusCode(200)
                .body("tenant", equalTo(TestTokens.TENANT_B))
                .body("roles", hasItem("coordinator"));
    }
}
