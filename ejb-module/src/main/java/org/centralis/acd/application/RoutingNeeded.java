package org.centralis.acd.application;

/** CDI event: something happened that can make a match; routing runs once the transaction commits. */
public record RoutingNeeded(String why) {}
