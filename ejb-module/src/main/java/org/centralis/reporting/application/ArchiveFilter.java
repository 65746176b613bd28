package org.centralis.reporting.application;

import java.time.Instant;

/** Search of the report archive; every part optional. Results are always limited to the reader's branch subtree. */
public record ArchiveFilter(String report, String requestedBy, Instant createdFrom, Instant createdTo) {}
