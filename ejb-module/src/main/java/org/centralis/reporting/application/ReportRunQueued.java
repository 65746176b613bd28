package org.centralis.reporting.application;

/** Fired when a run has been queued; observed after the commit, so the worker finds the row. */
public record ReportRunQueued(long runId) {}
