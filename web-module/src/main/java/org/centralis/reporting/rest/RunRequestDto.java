package org.centralis.reporting.rest;

/**
 * Body of {@code POST /api/reports/{code}/runs}: {@code {"from":"2026-09-01","to":"2026-11-30","branch":12,
 * "format":"PDF","locale":"zh_CN","queue":"RETAIL"}}; branch, format (PDF), locale (zh_CN) and queue (contact-center-daily
 * only: one queue's code, default every queue) are optional.
 */
public record RunRequestDto(String from, String to, Long branch, String format, String locale, String queue) {}
