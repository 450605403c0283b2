package dev.secondround.candidate.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Operations;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.testing.EndpointMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation, every role that may not call it: 403 problem+json and nothing changed. And every
 * role that may call it is let through (not 401/403), so the table cannot pass by refusing everyone.
 */
@QuarkusTest
class RoleTest {

    @TestFactory
    Stream<DynamicTest> everyRoleIsRefusedOrLetThroughAsTheTableSays() {
        Map<String, String> ids = Operations.createIds(Api.A);
        // Hiring managers get their own job's data: the job's manager is "siobhan" (Pipeline).
        return EndpointMatrix.enforcesRoles(Operations.ALL, Api.AUDIENCE, Api.A, ids, Operations::body,
                role -> role.equals("hiring_manager") ? Pipeline.HIRING_MANAGER : "someone-" + role,
                endpoint -> Api.recruiter(Api.A).get(endpoint.resolve(ids).replace("/stage-changes", ""))
                        .then().statusCode(200).extract().header("ETag"));
    }

    @Test
    void refusedWritesChangeNothing() {
        Map<String, String> ids = Operations.createIds(Api.A);
        String before = Api.recruiter(Api.A).get("/v1/candidates/" + ids.get("candidateId")).then().extract().header("ETag");
        Api.as(Api.A, "hm", "hiring_manager").header("If-Match", before).body(Pipeline.candidateBody())
                .put("/v1/candidates/" + ids.get("candidateId")).then().statusCode(403);
        Api.interviewer(Api.A).body(Pipeline.candidateBody()).post("/v1/candidates").then().statusCode(403);
        Api.recruiter(Api.A).get("/v1/candidates/" + ids.get("candidateId")).then().statusCode(200)
                .header("ETag", equalTo(before)).body("firstName", not(equalTo("changed")));
    }
}
