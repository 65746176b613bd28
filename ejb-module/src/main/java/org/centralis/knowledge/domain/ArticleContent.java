package org.centralis.knowledge.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an editor sets on an article; one version holds one of these. Tags are kept as one
 * comma-separated string, trimmed, deduplicated, in the editor's order.
 */
public record ArticleContent(
    String title, String body, String tags, Long categoryId, String language, Visibility visibility, ArticleStatus status) {

  public static final Set<String> LANGUAGES = Set.of("zh_CN", "en");

  /** Tags normalized: split on commas (half- or full-width) and 、, trimmed, blanks and repeats dropped. */
  public static String normalizeTags(String tags) {
    if (tags == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(tags.split("[,，、;；]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(out::add);
    return out.isEmpty() ? null : String.join(",", out);
  }

  /** The names of the fields that differ from an earlier content, e.g. [title, body]. */
  public List<String> changedFrom(ArticleContent before) {
    List<String> changed = new ArrayList<>();
    if (before == null) {
      return List.of("created");
    }
    if (!Objects.equals(title, before.title)) changed.add("title");
    if (!Objects.equals(body, before.body)) changed.add("body");
    if (!Objects.equals(tags, before.tags)) changed.add("tags");
    if (!Objects.equals(categoryId, before.categoryId)) changed.add("category");
    if (!Objects.equals(language, before.language)) changed.add("language");
    if (visibility != before.visibility) changed.add("visibility");
    if (status != before.status) changed.add("status");
    return changed;
  }
}
