package org.centralis.shared.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/centralis")
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(c.isValid(2)).withData("product", c.getMetaData().getDatabaseProductName()).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
