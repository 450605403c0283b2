package dev.secondround.candidate.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.candidate.testsupport.Operations.Ids;
import dev.secondround.candidate.testsupport.Operations.Operation;
import dev.secondround.candidate.testsupport.Pipeline;
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

    private Ids tenantA;
    private Ids tenantB;


    @TestFactory
    Stream<DynamicTest> otherTenantsIdsAnswerLikeIdsThatDoNotExist() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
        List<DynamicTest> tests = new ArrayList<>();
        Ids random = Ids.random();
        for (Operation op : Operations.ALL) {
            if (!op.hasPathId()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                Response foreign = call(Api.recruiter(Api.B), op, tenantA);
                Response missing = call(Api.recruiter(Api.B), op, random);
                assertEquals(404, foreign.statusCode(), "another tenant's id: " + foreign.asString());
                assertEquals(404, missing.statusCode());
                JsonPath f = foreign.jsonPath();
                JsonPath m = missing.jsonPath();
                assertEquals(m.getString("type"), f.getString("type"));
                assertEquals(m.getString("title"), f.getString("title"));
                assertEquals(m.getString("detail"), f.getString("detail"));
                assertEquals(foreign.contentType(), missing.contentType());
            }));
        }
        return tests.stream();
    }

    @Test
    void hiringManagerOfAnotherTenantWithTheSameNameSeesNothing() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
        // Same username in tenant B has another subject, and the other tenant's job is invisible anyway.
        Api.hiringManager(Api.B, Pipeline.HIRING_MANAGER).get("/v1/jobs/" + tenantA.jobId()).then().statusCode(404);
        Api.hiringManager(Api.B, Pipeline.HIRING_MANAGER).get("/v1/applications/" + tenantA.applicationId()).then().statusCode(404);
    }

    @Test
    void listsAndSearchesNeverIncludeTheOtherTenant() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
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
            List<String> idsOfA = List.of(tenantA.clientId(), tenantA.jobId(), tenantA.candidateId(), tenantA.applicationId());
            seen.forEach(id -> assertEquals(false, idsOfA.contains(id), list + " of B lists A's " + id));
            assertEquals(true, seen.stream().anyMatch(id -> List.of(tenantB.clientId(), tenantB.jobId(),
                    tenantB.candidateId(), tenantB.applicationId()).contains(id)), list + " must list B's own rows");
        }
        String emailOfA = Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.candidateId()).jsonPath().getString("email");
        Api.recruiter(Api.B).queryParam("email", emailOfA).get("/v1/candidates").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        Api.recruiter(Api.B).queryParam("jobId", tenantA.jobId()).get("/v1/applications").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void otherTenantsIdsInABodyAreRefused() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
        Api.recruiter(Api.B).body(Map.of("candidateId", tenantA.candidateId(), "jobId", tenantB.jobId()))
                .post("/v1/applications").then().statusCode(422).body("errors.field", hasItem("candidateId"));
        Api.recruiter(Api.B).body(Map.of("candidateId", tenantB.candidateId(), "jobId", tenantA.jobId()))
                .post("/v1/applications").then().statusCode(422).body("errors.field", hasItem("jobId"));
        Api.recruiter(Api.B).body(Pipeline.jobBody(Api.B, tenantA.clientId()))
                .post("/v1/jobs").then().statusCode(422).body("errors.field", hasItem("clientId"));
    }

    @Test
    void tenantInTheBodyOrHeadersCannotChooseTheTenant() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
        Map<String, Object> body = new java.util.HashMap<>(Pipeline.candidateBody());
        body.put("tenantId", Api.A);
        Api.recruiter(Api.B).body(body).post("/v1/candidates").then().statusCode(400)
                .body("errors.field", hasItem("tenantId"));
        // A header naming another tenant is ignored: the token's claim decides.
        Api.recruiter(Api.B).header("X-Tenant-Id", Api.A).get("/v1/candidates/" + tenantA.candidateId())
                .then().statusCode(404);
    }

    @Test
    void failedCrossTenantWritesLeaveTheDataUntouched() {
        if (tenantA == null) { tenantA = Ids.create(Api.A); } if (tenantB == null) { tenantB = Ids.create(Api.B); }
        String etag = Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.candidateId()).then().extract().header("ETag");
        Api.recruiter(Api.B).header("If-Match", etag).body(Pipeline.candidateBody())
                .put("/v1/candidates/" + tenantA.candidateId()).then().statusCode(404);
        Api.recruiter(Api.A).get("/v1/candidates/" + tenantA.candidateId()).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("firstName", equalTo("Dana")).body("email", not(equalTo(null)));
    }

    private static Response call(RequestSpecification request, Operation op, Ids ids) {
        Object body = op.body(Api.B, Ids.random().equals(ids) ? ids : ids);
        RequestSpecification spec = request.header("If-Match", "\"0\"");
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(op.method(), op.resolve(ids));
    }
}
