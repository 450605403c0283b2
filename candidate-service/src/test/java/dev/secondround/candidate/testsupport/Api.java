package dev.secondround.candidate.testsupport;

import static io.restassured.RestAssured.given;

import dev.secondround.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls as a named demo user of a tenant, with a really signed token for this service's audience. */
public final class Api {

    public static final String AUDIENCE = "candidate-service";
    public static final String A = TestTokens.TENANT_A;
    public static final String B = TestTokens.TENANT_B;

    private Api() {
    }

    public static RequestSpecification as(String tenant, String username, String... roles) {
        return given().auth().oauth2(TestTokens.token(tenant, username, AUDIENCE, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification recruiter(String tenant) {
        return as(tenant, "recruiter", "recruiter");
    }

    public static RequestSpecification coordinator(String tenant) {
        return as(tenant, "coordinator", "coordinator");
    }

    public static RequestSpecification integration(String tenant) {
        return as(tenant, "ats-integration", "integration");
    }

    public static RequestSpecification tenantAdmin(String tenant) {
        return as(tenant, "admin", "tenant_admin");
    }

    public static RequestSpecification hiringManager(String tenant, String username) {
        return as(tenant, username, "hiring_manager");
    }

    public static RequestSpecification interviewer(String tenant) {
        return as(tenant, "interviewer", "interviewer");
    }

    public static String subjectOf(String tenant, String username) {
        return TestTokens.subjectOf(tenant, username);
    }
}
