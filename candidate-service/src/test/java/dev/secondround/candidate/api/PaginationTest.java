package dev.secondround.candidate.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.RealPostgres.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaginationTest {

    @Test
    void cursorPagesWalkEveryItemOnceWithLinkHeaders() {
        String tag = "pg-" + Pipeline.unique();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
            body.put("tags", List.of(tag));
            created.add(Pipeline.created(Api.recruiter(Api.A).body(body).post("/v1/candidates")));
        }
        List<String> seen = new ArrayList<>();
        Response page = Api.recruiter(Api.A).queryParam("tag", tag).queryParam("limit", 3).get("/v1/candidates");
        int pages = 1;
        while (true) {
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id", String.class));
            String next = page.jsonPath().getString("nextCursor");
            if (next == null) {
                assertNull(page.header("Link"), "no Link on the last page");
                break;
            }
            String link = page.header("Link");
            assertNotNull(link);
            org.hamcrest.MatcherAssert.assertThat(link, containsString("rel=\"next\""));
            org.hamcrest.MatcherAssert.assertThat(link, containsString("tag=" + tag));
            page = Api.recruiter(Api.A).queryParam("tag", tag).queryParam("limit", 3).queryParam("cursor", next).get("/v1/candidates");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(new HashSet<>(created), new HashSet<>(seen));
    }

    /** Rows changed in the same microsecond (bulk imports) are ordered by id: none skipped, none repeated. */
    @Test
    void rowsWithTheSameTimestampArePagedOnceEach() throws Exception {
        String tag = "tie-" + Pipeline.unique();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
            body.put("tags", List.of(tag));
            created.add(Pipeline.created(Api.recruiter(Api.A).body(body).post("/v1/candidates")));
        }
        ServiceDatabase db = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement same = connection.prepareStatement("""
                    select set_config('app.tenant_id', ?, true);
                    update candidate.candidate set updated_at = '2026-11-20T10:00:00Z' where ? = any(tags)""")) {
                same.setString(1, Api.A);
                same.setString(2, tag);
                same.execute();
            }
            connection.commit();
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.recruiter(Api.A).queryParam("tag", tag).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/candidates").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size(), "no repeats: " + seen);
        assertEquals(new HashSet<>(created), new HashSet<>(seen), "no skips");
    }

    @Test
    void updatedSinceReturnsOnlyWhatChanged() throws InterruptedException {
        String tag = "sync-" + Pipeline.unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
            body.put("tags", List.of(tag));
            ids.add(Pipeline.created(Api.recruiter(Api.A).body(body).post("/v1/candidates")));
        }
        Thread.sleep(5);
        Instant since = Instant.now();
        Thread.sleep(5);
        Response current = Api.recruiter(Api.A).get("/v1/candidates/" + ids.get(1));
        Map<String, Object> body = new HashMap<>(current.jsonPath().getMap(""));
        for (String serverOwned : List.of("id", "createdAt", "updatedAt", "version")) {
            body.remove(serverOwned);
        }
        body.put("phone", "+49 170 5550199");
        Api.recruiter(Api.A).header("If-Match", current.header("ETag")).body(body).put("/v1/candidates/" + ids.get(1))
                .then().statusCode(200);
        Api.recruiter(Api.A).queryParam("tag", tag).queryParam("updatedSince", since.toString()).get("/v1/candidates")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(ids.get(1)));
    }
}
