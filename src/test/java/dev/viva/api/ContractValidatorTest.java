package dev.viva.api;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The response validator finds what it should (a validator that accepts everything would make the suite vacuous). */
class ContractValidatorTest {

    private static final String ID = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c";
    private final ContractValidator validator = ContractValidator.get();

    private static String created(String status) {
        return """
                {"id": "%s", "candidateName": "Ada", "candidateEmail": "ada@example.com", "role": "backend-engineer",
                 "roleVersion": 1,
                 "level": "mid", "status": "%s", "createdAt": "2026-11-22T09:00:00Z", "candidateToken": "vc_x",
                 "joinUrl": "https://viva.example.com/interview/%s#token=vc_x"}""".formatted(ID, status, ID);
    }

    @Test
    void aResponseAsDocumentedPasses() {
        assertThat(validator.check("POST", "/api/v1/interviews", 201, "application/json", created("SCHEDULED")))
                .isEmpty();
        assertThat(validator.check("GET", "/api/v1/interviews/" + ID, 404, "application/problem+json", """
                {"type": "about:blank", "title": "Not found", "status": 404, "detail": "no interview"}""")).isEmpty();
    }

    @Test
    void wrongValuesUndocumentedStatusesAndMediaTypesAreFound() {
        assertThat(validator.check("POST", "/api/v1/interviews", 201, "application/json", created("SNOOZING")))
                .singleElement().asString().contains("/status");
        assertThat(validator.check("POST", "/api/v1/interviews", 200, "application/json", created("SCHEDULED")))
                .singleElement().asString().contains("status not documented");
        assertThat(validator.check("GET", "/api/v1/interviews/" + ID, 404, "text/plain", "nope")).isNotEmpty();
        // an error the operation does not list must still be a Problem
        assertThat(validator.check("GET", "/api/v1/roles", 415, "application/problem+json", "{\"title\": 1}"))
                .isNotEmpty();
        assertThat(validator.check("GET", "/api/v1/roles", 413, "text/html", "<h1>Too large</h1>")).isNotEmpty();
        // null stands for "no value" only where a property is optional
        assertThat(validator.check("POST", "/api/v1/interviews/" + ID + "/start", 200, "application/json", """
                {"seq": 1, "type": "question", "text": null, "phase": "introduction", "difficulty": 1, "done": false}"""))
                .singleElement().asString().contains("text");
    }

    @Test
    void literalPathsWinOverTemplates() {
        assertThat(validator.template("/api/v1/webhooks/event-types")).contains("/api/v1/webhooks/event-types");
        assertThat(validator.template("/api/v1/webhooks/endpoints/" + ID)).contains("/api/v1/webhooks/endpoints/{id}");
        assertThat(validator.template("/q/health")).isEmpty();
    }

    @Test
    void everyRestAssuredRequestOfTheSuiteIsChecked() {
        assertThat(RestAssured.filters()).hasAtLeastOneElementOfType(ContractFilter.class);
    }
}
