package dev.secondround.candidate;

import static org.hamcrest.Matchers.equalTo;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

    @Test
    void recruiterCreatesAndReadsCandidate() {
        String id = Pipeline.createCandidate(Api.A);
        Api.recruiter(Api.A).get("/v1/candidates/" + id).then().statusCode(200).body("firstName", equalTo("Dana"));
        Api.recruiter(Api.B).get("/v1/candidates/" + id).then().statusCode(404);
    }
}
