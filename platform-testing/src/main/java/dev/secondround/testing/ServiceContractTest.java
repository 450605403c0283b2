package dev.secondround.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service guarantees, whatever its features: it starts healthy with its schema migrated,
 * publishes a complete OpenAPI document (the one committed in {@code docs/openapi/}), refuses bad tokens and reads the tenant from the verified
 * claim. Each service extends this with {@code @QuarkusTest} and names its token audience.
 */
public abstract class ServiceContractTest {

    /** The audience the service's tokens must carry, e.g. {@code candidate-service}. */
    protected abstract String audience();

    @Test
    void startsHealthyWithItsOwnSchemaMigrated() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiWithEveryOperationDocumented() {
        ContractChecks.openApiDocumentsEveryOperation();
    }

    /** The audience names the service, and so its committed document {@code docs/openapi/<audience>.yaml}. */
    @Test
    void servesTheCommittedOpenApiDocument() {
        PublishedOpenApi.matchesCommitted(audience(), getClass().getSimpleName());
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ContractChecks.refusesBadTokens("/v1/me", audience());
    }

    @Test
    void readsTenantAndRolesFromTheVerifiedToken() {
        given().auth().oauth2(TestTokens.token(TestTokens.TENANT_B, "coordinator", audience(), "coordinator"))
                .get("/v1/me").then().statusCode(200)
                .body("tenant", equalTo(TestTokens.TENANT_B))
                .body("roles", hasItem("coordinator"));
    }
}
