package dev.secondround.candidate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment tells the published document where people sign in (the public Keycloak address) when the
 * service starts: Swagger UI's "Authorize" and an ATS team reading /q/openapi must not be sent to the
 * build's localhost URL.
 */
@QuarkusTest
@TestProfile(PublicOidcUrlTest.PublicKeycloak.class)
class PublicOidcUrlTest {

    static final String PUBLIC = "https://auth.agency.example/realms/secondround/.well-known/openid-configuration";

    public static class PublicKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.openapi.oidc-url", PUBLIC);
        }
    }

    @Test
    void theServedDocumentNamesThePublicSignInAddress() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.keycloak.openIdConnectUrl", equalTo(PUBLIC));
    }
}
