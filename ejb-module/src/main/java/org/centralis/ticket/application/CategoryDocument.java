package org.centralis.ticket.application;

/**
 * A ticket category as administrators read and write it. On a change, {@code version} is the one
 * read (optimistic locking); {@code type} and {@code code} are fixed once created.
 */
public record CategoryDocument(Long id, String type, Long parentId, String code, String name, String nameEn, Boolean active, Integer version) {}
