package org.centralis.acd.application;

/** CDI event on each node: an ACD event (JSON, see {@link AcdEvent#toJson()}) arrived from the topic. */
public record AcdEventDelivered(String json) {}
