package org.centralis.shared.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} in TIMESTAMP WITH TIME ZONE columns as a UTC {@link OffsetDateTime}.
 * EclipseLink 4 maps OffsetDateTime (JPA 3.1) but not Instant, which it would serialize as bytes;
 * JDBC 4.2 drivers (ojdbc11, H2) bind and read OffsetDateTime for this column type directly.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
