package org.centralis.shared.application;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A page's entities read by id, in the order of the ids. Lists over large tables choose their page by id (and sort key)
 * first, because the embedded H2 builds the whole ROWNUM-paged subquery before it pages it: selecting whole rows there
 * reads every row in scope, selecting ids reads one index (ADR 0020). Ids of rows deleted meanwhile are skipped.
 */
public final class ByIds {

  private ByIds() {}

  public static <E> List<E> inOrder(EntityManager em, Class<E> type, Function<E, Long> idOf, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, E> byId = new HashMap<>();
    for (E e : em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.id IN :ids", type).setParameter("ids", ids).getResultList()) {
      byId.put(idOf.apply(e), e);
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }
}
