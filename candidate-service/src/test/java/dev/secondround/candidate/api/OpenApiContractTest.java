package dev.secondround.candidate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.candidate.testsupport.Operations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    /** The security tests walk {@link Operations#ALL}; this keeps that table equal to the published API. */
    @Test
    void theSecurityTablesCoverEveryPublishedOperation() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> published.add(m.toUpperCase() + " " + path)));
        Set<String> tested = new TreeSet<>();
        Operations.ALL.forEach(op -> tested.add(op.toString()));
        assertEquals(published, tested);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
