package org.centralis.reporting.domain;

/**
 * An entry of the report catalog. {@code available} is false until the report's template and data exist; the catalog
 * still lists it, with a description, so that the API tells what is coming.
 */
public record ReportDefinition(String code, boolean available, String name, String nameEn, String description) {}
