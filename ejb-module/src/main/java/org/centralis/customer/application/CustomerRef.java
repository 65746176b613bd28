package org.centralis.customer.application;

/** The few facts about a customer that other contexts (tickets, dispatch) rely on; no identifiers. */
public record CustomerRef(Long id, String customerNo, String name, String tier) {}
