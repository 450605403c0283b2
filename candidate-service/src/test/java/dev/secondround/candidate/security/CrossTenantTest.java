package dev.secondround.candidate.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.testing.EndpointMatrix;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant B (northwind) against tenant A's (ambrion) data: every id in a path answers exactly like a
 * random id (404, same problem), lists and searches never include A's rows, A's ids in a body are
 * refused, and A's data is unchanged afterwards.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantTest {

    private Map<String, String> tenantA;
    private Map<String, String> tenantB;


    @TestFactory
    Stream<DynamicTest> otherTenantsIdsAnswerLikeIdsThatDoNotExist() {
        createData();
        return EndpointMatrix.hidesOtherTenants(Operations.ALL, Api.AUDIENCE, "recruiter", tenantA, Operations::body);
    }

    @Test
    void hiringManagerOfAnotherTenantWithTheSameNameSeesNothing() {
        createData();
        // Same username in tenant B has another subject, and the other tenant's job is invisible anyway.
        Api.hiringManager(Api.B, Pipeline.HIRING_MANAGER).get("/v1/jobs/" + tenantA.get("jobId")).then().statusCode(404);
        Api.hiringManager(Api.B, Pipeline.HIRING_MANAGER).get("/v1/applications/" + tenantA.get("applicationId")).then().statusCode(404);
    }

    @Test
    void listsAndSearchesNeverIncludeTheOtherTenant() {
        createData();
        for (String list : List.of("/v1/clients", "/v1/jobs", "/v1/candidates", "/v1/applications")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                RequestSpecification request = Api.recruiter(Api.B).queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get(list).then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            List<String> idsOfA = List.of(tenantA.get("clientId"), tenantA.get("jobId"), tenantA.get("candidateId"), tenantA.get("applicationId"));
            seen.forEach(id -> assertEquals(false, idsOfA.contains(id), list + " of B lists A's " + id));
            assertEquals(true, seen.stream().anyMatch(id -> List.of(tenantB.get("clientId"), tenantB.get("jobId"),
                    tenantB.get("candidateId"), tenantB.get("applicationId")).contains(id)), list + " must list B's own rows");
        }
        String emailOfA = Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.get("candidateId")).jsonPath().getString("email");
        Api.recruiter(Api.B).queryParam("email", emailOfA).get("/v1/candidates").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        Api.recruiter(Api.B).queryParam("jobId", tenantA.get("jobId")).get("/v1/applications").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void otherTenantsIdsInABodyAreRefused() {
        createData();
        Api.recruiter(Api.B).body(Map.of("candidateId", tenantA.get("candidateId"), "jobId", tenantB.get("jobId")))
                .post("/v1/applications").then().statusCode(422).body("errors.field", hasItem("candidateId"));
        Api.recruiter(Api.B).body(Map.of("candidateId", tenantB.get("candidateId"), "jobId", tenantA.get("jobId")))
                .post("/v1/applications").then().statusCode(422).body("errors.field", hasItem("jobId"));
        Api.recruiter(Api.B).body(Pipeline.jobBody(Api.B, tenantA.get("clientId")))
                .post("/v1/jobs").then().statusCode(422).body("errors.field", hasItem("clientId"));
    }

    @Test
    void tenantInTheBodyOrHeadersCannotChooseTheTenant() {
        createData();
        Map<String, Object> body = new java.util.HashMap<>(Pipeline.candidateBody());
        body.put("tenantId", Api.A);
        Api.recruiter(Api.B).body(body).post("/v1/candidates").then().statusCode(400)
                .body("errors.field", hasItem("tenantId"));
        // A header naming another tenant is ignored: the token's claim decides.
        Api.recruiter(Api.B).header("X-Tenant-Id", Api.A).get("/v1/candidates/" + tenantA.get("candidateId"))
                .then().statusCode(404);
    }

    @Test
    void failedCrossTenantWritesLeaveTheDataUntouched() {
        createData();
        String etag = Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.get("candidateId")).then().extract().header("ETag");
        Api.recruiter(Api.B).header("If-Match", etag).body(Pipeline.candidateBody())
                .put("/v1/candidates/" + tenantA.get("candidateId")).then().statusCode(404);
        Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.get("candidateId")).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("firstName", equalTo("Dana")).body("email", not(equalTo(null)));
    }

    private void createData() {
        if (tenantA == null) {
            tenantA = Operations.createIds(Api.A);
            tenantB = Operations.createIds(Api.B);
        }
    }
}
