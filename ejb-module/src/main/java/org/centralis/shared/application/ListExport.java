package org.centralis.shared.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.centralis.shared.domain.InvalidInputException;

/**
 * Reading a whole list for an export (导出): the same query as the paged list, at most {@link #LIMIT} rows (a larger
 * list is refused with 400 {@code export-too-large}: narrow the filter), read in pages with the persistence context
 * cleared between them so that memory holds the rows to write, not their entities.
 */
public final class ListExport {

  /** The most rows one export holds (Excel's own limit is about a million; a person reads far fewer). */
  public static final int LIMIT = 50_000;

  private static final int PAGE = 500;

  private ListExport() {}

  public static <E, V> List<V> readAll(EntityManager em, TypedQuery<E> rows, long total, Function<List<E>, List<V>> toViews) {
    if (total > LIMIT) {
      throw new InvalidInputException("filter", "export-too-large", total + " rows match; an export holds at most " + LIMIT + ": narrow the filter", total, LIMIT);
    }
    List<V> out = new ArrayList<>((int) total);
    for (int offset = 0; offset < total; offset += PAGE) {
      out.addAll(toViews.apply(rows.setFirstResult(offset).setMaxResults(PAGE).getResultList()));
      em.clear();
    }
    return out;
  }
}
