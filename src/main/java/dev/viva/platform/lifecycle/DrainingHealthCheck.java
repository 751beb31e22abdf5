package dev.viva.platform.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Takes a stopping replica out of its Service at once: a load balancer that keeps sending new candidates to a server
 * that refuses their sockets with 503 would make every one of them retry.
 */
@Readiness
@ApplicationScoped
public class DrainingHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("draining").status(!Draining.active()).build();
    }
}
