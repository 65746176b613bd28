package org.centralis.shared.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.centralis.shared.infrastructure.messaging.Messaging;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the message broker accepts a connection. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = connectionFactory.createConnection()) {
      return HealthCheckResponse.named("broker").up().build();
    } catch (Exception e) {
      return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
