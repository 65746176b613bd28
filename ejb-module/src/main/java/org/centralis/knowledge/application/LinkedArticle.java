package org.centralis.knowledge.application;

import java.time.Instant;

/** An article linked to a ticket: who linked it and when. */
public record LinkedArticle(Long articleId, String title, String visibility, String linkedBy, Instant linkedAt) {}
