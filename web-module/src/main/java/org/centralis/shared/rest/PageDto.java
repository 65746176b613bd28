package org.centralis.shared.rest;

import java.util.List;
import org.centralis.shared.domain.Page;

/** A page of results in API form: 0-based page number and size instead of offset and limit. */
public record PageDto<T>(List<T> items, long total, int page, int size) {

  public static <T> PageDto<T> of(Page<T> p) {
    return new PageDto<>(p.items(), p.total(), p.limit() == 0 ? 0 : p.offset() / p.limit(), p.limit());
  }
}
