package dev.viva.api;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class through META-INF/services (JUnit extension auto-detection, which quarkus-junit's
 * own junit-platform.properties switches on; a second such file would hide it): puts
 * {@link ContractFilter} in front of every rest-assured request, so each test that calls the REST API also checks
 * that what it got back is what the OpenAPI document promises.
 */
public final class ContractValidationExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
                RestAssured.filters(new ContractFilter());
            }
        }
    }
}
