package dev.viva.platform.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and mistaken input on REST and the candidate socket: every refusal is a 4xx problem+json (or a documented
 * close code) with a detail a person can act on, never a 500 and never unbounded work.
 */
@QuarkusTest
class InputLimitsTest {

    @TestHTTPResource("/")
    URL base;

    /** A refusal as problem+json with the given status; returns the parsed body. */
    private static io.restassured.path.json.JsonPath problem(ExtractableResponse<Response> r, int status) {
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        var body = r.jsonPath();
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("detail")).isNotBlank();
        return body;
    }

    private static ExtractableResponse<Response> createRaw(String json) {
        return given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(json)
                .post("/api/v1/interviews").then().extract();
    }

    private static Joined started(String name) {
        Joined j = TestApi.join(name, "backend-engineer", "junior");
        given().header("Authorization", j.token()).post("/api/v1/interviews/{id}/start", j.id()).then().statusCode(200);
        return j;
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedWhereverTextArrives() {
        var name = problem(createRaw("{\"candidateName\":\"Ada\\u0000Lovelace\",\"candidateEmail\":\"ada@example.com\","
                + "\"role\":\"backend-engineer\",\"level\":\"mid\"}"), 400);
        assertThat(name.getString("detail")).contains("candidateName").contains("U+0000");
        assertThat(name.getString("errors[0].field")).isEqualTo("candidateName");

        Joined j = started("Control Characters");
        for (String bad : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u007f")) {
            var answer = problem(given().header("Authorization", j.token()).contentType(ContentType.JSON)
                    .body("{\"text\":\"I use PostgreSQL" + bad + " daily\",\"seq\":1}")
                    .post("/api/v1/interviews/{id}/answers", j.id()).then().extract(), 400);
            assertThat(answer.getString("detail")).contains("control character");
        }
        // tabs and line breaks are text
        given().header("Authorization", j.token()).contentType(ContentType.JSON)
                .body("{\"text\":\"First line\\nsecond\\tline\",\"seq\":1}")
                .post("/api/v1/interviews/{id}/answers", j.id()).then().statusCode(200);

        var hook = problem(given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"interview.completed\"],"
                        + "\"description\":\"ATS\\u0000\"}")
                .post("/api/v1/webhooks/endpoints").then().extract(), 400);
        assertThat(hook.getString("errors[0].field")).isEqualTo("description");

        // query parameters too
        problem(given().header("Authorization", RECRUITER).queryParam("role", "backend\u0000")
                .get("/api/v1/interviews").then().extract(), 400);
    }

    @Test
    void datesOutsideYears1To9999AreRefused() {
        for (Map.Entry<String, String> bad : Map.of("createdFrom", "+999999999-12-31T23:59:59Z",
                "createdTo", "-999999999-01-01T00:00:00Z").entrySet()) {
            var p = problem(given().header("Authorization", RECRUITER).queryParam(bad.getKey(), bad.getValue())
                    .get("/api/v1/interviews").then().extract(), 400);
            assertThat(p.getString("detail")).contains(bad.getKey()).contains("between");
        }
        String endpoint = given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"interview.completed\"]}")
                .post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("id");
        problem(given().header("Authorization", RECRUITER).queryParam("since", "+999999999-12-31T23:59:59Z")
                .get("/api/v1/webhooks/endpoints/{id}/messages", endpoint).then().extract(), 400);
        problem(given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body("{\"since\":\"-999999999-01-01T00:00:00Z\"}")
                .post("/api/v1/webhooks/endpoints/{id}/replay", endpoint).then().extract(), 400);
        // an ordinary range still works
        given().header("Authorization", RECRUITER).queryParam("createdFrom", "2000-01-01")
                .queryParam("createdTo", "9999-12-31T23:59:59Z").get("/api/v1/interviews").then().statusCode(200);
    }

    @Test
    void pagesBeyondAnyPossibleResultAreRefused() {
        for (Map<String, Object> q : List.<Map<String, Object>>of(Map.of("page", 2147483647),
                Map.of("page", 10737419, "size", 200), Map.of("page", -1), Map.of("size", 0), Map.of("size", 201))) {
            var p = problem(given().header("Authorization", RECRUITER).queryParams(q)
                    .get("/api/v1/interviews").then().extract(), 400);
            assertThat(p.getString("detail")).containsAnyOf("page", "size");
        }
        problem(given().header("Authorization", RECRUITER).queryParam("page", "abc")
                .get("/api/v1/interviews").then().extract(), 400);
    }

    @Test
    void malformedAndMistypedJsonIsAProblemNamingTheField() {
        Joined j = started("Mistyped Json");
        String valid = "\"candidateEmail\":\"x@example.com\",\"role\":\"backend-engineer\",\"level\":\"mid\"";
        record Case(String path, String auth, String body, String field) {
        }
        String hooks = "/api/v1/webhooks/endpoints";
        String answers = "/api/v1/interviews/" + j.id() + "/answers";
        List<Case> cases = List.of(
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":[]," + valid + "}", "candidateName"),
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":{}," + valid + "}", "candidateName"),
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":\"A\",\"candidateEmail\":[1],"
                        + "\"role\":\"backend-engineer\",\"level\":\"mid\"}", "candidateEmail"),
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":\"A\",\"candidateEmail\":\"a@x.io\","
                        + "\"role\":\"backend-engineer\",\"level\":7}", "level"),
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":\"A\",\"candidateEmail\":\"a@x.io\","
                        + "\"role\":\"backend-engineer\",\"level\":\"wizard\"}", "level"),
                new Case("/api/v1/interviews", RECRUITER, "[]", null),
                new Case("/api/v1/interviews", RECRUITER, "\"hello\"", null),
                new Case("/api/v1/interviews", RECRUITER, "42", null),
                new Case("/api/v1/interviews", RECRUITER, "{\"candidateName\":", null),
                new Case(answers, j.token(), "{\"seq\":\"abc\",\"text\":\"hi\"}", "seq"),
                new Case(answers, j.token(), "{\"text\":[\"hi\"]}", "text"),
                new Case(answers, j.token(), "{\"text\":{\"a\":1}}", "text"),
                new Case(answers, j.token(), "[]", null),
                new Case(answers, j.token(), "\"hello\"", null),
                new Case(hooks, RECRUITER, "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":\"notalist\"}", "eventTypes"),
                new Case(hooks, RECRUITER, "{\"url\":[],\"eventTypes\":[\"interview.completed\"]}", "url"),
                new Case("/api/v1/assessments/answers", RECRUITER, "{\"role\":\"backend-engineer\",\"level\":\"mid\","
                        + "\"question\":\"q\",\"answer\":\"a\",\"keyPoints\":\"notalist\"}", "keyPoints"));
        for (Case c : cases) {
            var r = given().header("Authorization", c.auth()).contentType(ContentType.JSON).body(c.body())
                    .post(c.path()).then().extract();
            var p = problem(r, 400);
            if (c.field() != null) {
                assertThat(p.getString("detail")).as(c.body()).contains(c.field());
                assertThat(p.getString("errors[0].field")).as(c.body()).isEqualTo(c.field());
            } else {
                assertThat(p.getString("detail")).as(c.body()).containsAnyOf("JSON object", "not valid JSON");
            }
        }
    }

    @Test
    void bodiesAndUrisOverTheLimitAreProblemsToo() throws Exception {
        var big = problem(given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body("{\"candidateName\":\"" + "x".repeat(1_100_000) + "\"}").post("/api/v1/interviews").then()
                .extract(), 413);
        assertThat(big.getString("detail")).contains("bytes");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> longUri = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/roles?q="
                + "a".repeat(9_000))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(longUri.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(longUri.body()).contains("\"status\":414").contains("characters");
    }

    @Test
    void theSocketAppliesTheSameTextRulesAsRest() throws Exception {
        Joined j = started("Socket Text Rules");
        TestSocket socket = TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
        socket.send("{\"type\":\"start\",\"speech\":false}");
        int seq = socket.next("utterance").get("seq").asInt();
        for (String notAnObject : List.of("null", "[]", "\"hello\"", "42", "true")) {
            socket.send(notAnObject);
            JsonNode error = socket.next("error");
            assertThat(error.get("code").asText()).as(notAnObject).isEqualTo("bad-json");
            assertThat(error.get("detail").asText()).contains("JSON object");
        }
        socket.send("{\"type\":\"answer\",\"text\":\"PostgreSQL\\u0000\",\"seq\":" + seq + "}");
        JsonNode nul = socket.next("error");
        assertThat(nul.get("status").asInt()).isEqualTo(400);
        assertThat(nul.get("detail").asText()).contains("control character");
        // the REST limit, not the socket's message size, bounds a typed answer
        socket.send("{\"type\":\"answer\",\"text\":\"" + "word ".repeat(12_000) + "\",\"seq\":" + seq + "}");
        // the answer's own refusal, whatever else the session reported meanwhile (a full CI run once showed a 409 in
        // between, not reproduced since); the ping below still proves the connection was not closed
        JsonNode tooLong = socket.until(m -> "error".equals(m.path("type").asText())
                && m.path("detail").asText().contains("at most 10000")).getLast();
        assertThat(tooLong.get("status").asInt()).isEqualTo(400);
        socket.send("{\"type\":\"ping\"}");
        assertThat(socket.next("pong")).as("the connection stays open").isNotNull();
        assertThat(given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/transcript", j.id())
                .then().statusCode(200).extract().<List<?>>path("turns.findAll { it.answer != null }")).isEmpty();

        socket.sendBinary(new byte[3 * 1024 * 1024]);
        assertThat(socket.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(1009);
        assertThat(socket.closeReason).contains("exceeds the limit");
        TestSocket text = TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
        text.next("utterance"); // the session is open, so the limit and nothing else closes it
        text.send("{\"type\":\"answer\",\"text\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}");
        assertThat(text.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(1009);
        assertThat(text.closeReason).contains("exceeds the limit");
    }

    @Test
    void aCancelledInterviewHasNoSocketAndNoReport() throws Exception {
        Joined j = started("Cancelled Early");
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/{id}/cancel", j.id()).then().statusCode(200);
        var ticket = problem(given().header("Authorization", j.token())
                .post("/api/v1/interviews/{id}/socket-ticket", j.id()).then().extract(), 409);
        assertThat(ticket.getString("detail")).contains("CANCELLED");
        // a program holding the token itself is told on the socket, which closes as final (4410): by the refusal of
        // its start, or, when the cancellation's cluster signal reaches the new session first, by the close itself
        TestSocket late = TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
        late.send("{\"type\":\"start\"}");
        assertThat(late.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(4410);
        JsonNode refusal = null;
        for (JsonNode m = late.poll(); m != null && refusal == null; m = late.poll()) {
            refusal = "error".equals(m.path("type").asText()) ? m : null;
        }
        if (refusal != null) {
            assertThat(refusal.get("detail").asText()).contains("CANCELLED");
        } else {
            assertThat(late.closeReason).contains("cancelled");
        }
        var report = problem(given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/{id}/report", j.id()).then().extract(), 410);
        assertThat(report.getString("detail")).contains("cancelled").contains("no report");
    }
}
