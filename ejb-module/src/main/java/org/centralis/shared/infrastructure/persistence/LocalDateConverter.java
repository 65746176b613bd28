package org.centralis.shared.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Date;
import java.time.LocalDate;

/** Stores {@link LocalDate} as a JDBC date, which EclipseLink's Oracle platform binds as DATE. */
@Converter(autoApply = true)
public class LocalDateConverter implements AttributeConverter<LocalDate, Date> {

  @Override
  public Date convertToDatabaseColumn(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  @Override
  public LocalDate convertToEntityAttribute(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
