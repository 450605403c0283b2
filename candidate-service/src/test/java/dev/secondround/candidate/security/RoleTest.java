package dev.secondround.candidate.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.candidate.testsupport.Operations.Ids;
import dev.secondround.candidate.testsupport.Operations.Operation;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation, every role that may not call it: 403 problem+json and nothing changed. And every
 * role that may call it is let through (not 401/403), so the table cannot pass by refusing everyone.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleTest {

    private Ids ids;


    @TestFactory
    Stream<DynamicTest> rolesOutsideTheOperationsAllowListGet403() {
        if (ids == null) { ids = Ids.create(Api.A); }
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : Operations.ALL) {
            for (String role : Operations.ALL_ROLES) {
                if (op.allowedRoles().contains(role)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(role + " → " + op.method() + " " + op.path(), () ->
                        call(Api.as(Api.A, "someone-" + role, role), op).then().statusCode(403)
                                .contentType(startsWith("application/problem+json"))
                                .body("type", equalTo("https://secondround.dev/problems/forbidden"))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rolesOnTheAllowListAreLetThrough() {
        if (ids == null) { ids = Ids.create(Api.A); }
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : Operations.ALL) {
            for (String role : op.allowedRoles()) {
                // Hiring managers get their own job's data: the job's manager is "siobhan" (Pipeline).
                String user = role.equals("hiring_manager") ? Pipeline.HIRING_MANAGER : "someone-" + role;
                tests.add(DynamicTest.dynamicTest(role + " → " + op.method() + " " + op.path(), () -> {
                    var response = call(Api.as(Api.A, user, role), op);
                    int status = response.statusCode();
                    // Allowed and able to reach the object: a success, or a business refusal (409/422 when
                    // an earlier role already made the same change), never 401/403/404/5xx.
                    assertEquals(true, status < 300 || status == 409 || status == 422,
                            role + " got " + status + " " + response.asString());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void refusedWritesChangeNothing() {
        if (ids == null) { ids = Ids.create(Api.A); }
        String before = Api.recruiter(Api.A).get("/v1/candidates/" + ids.candidateId()).then().extract().header("ETag");
        Api.as(Api.A, "hm", "hiring_manager").header("If-Match", before).body(Pipeline.candidateBody())
                .put("/v1/candidates/" + ids.candidateId()).then().statusCode(403);
        Api.interviewer(Api.A).body(Pipeline.candidateBody()).post("/v1/candidates").then().statusCode(403);
        Api.recruiter(Api.A).get("/v1/candidates/" + ids.candidateId()).then().statusCode(200)
                .header("ETag", equalTo(before)).body("firstName", not(equalTo("changed")));
    }

    private io.restassured.response.Response call(RequestSpecification request, Operation op) {
        Object body = op.body(Api.A, ids);
        String etag = op.needsIfMatch() ? currentEtag(op) : "\"0\"";
        RequestSpecification spec = request.header("If-Match", etag);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(op.method(), op.resolve(ids));
    }

    private String currentEtag(Operation op) {
        String path = op.resolve(ids).replace("/stage-changes", "");
        return Api.recruiter(Api.A).get(path).then().extract().header("ETag");
    }
}
