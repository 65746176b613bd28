package org.centralis.knowledge.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.knowledge.domain.Article;
import org.centralis.knowledge.domain.ArticleContent;
import org.centralis.knowledge.domain.ArticleLink;
import org.centralis.knowledge.domain.ArticleStatus;
import org.centralis.knowledge.domain.ArticleToken;
import org.centralis.knowledge.domain.ArticleVersion;
import org.centralis.knowledge.domain.Snippet;
import org.centralis.knowledge.domain.Tokenizer;
import org.centralis.knowledge.domain.Visibility;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.TicketCatalog;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketView;

/**
 * The knowledge base (知识库): search, read, edit, suggest for a ticket, link to a ticket.
 *
 * <p>Articles are the service center's shared knowledge, not a branch's data: they are not
 * branch-scoped (ADR 0008). Readers (agents, branch staff, supervisors, HQ managers, administrators)
 * see PUBLISHED articles of both visibilities; editors (administrators, supervisors) also see drafts
 * and archived ones. A draft read by a reader answers "not found".
 *
 * <p>Search runs on the KB_TOKEN index that every save rewrites in its own transaction: the query is
 * tokenized like the articles, an article matches when it holds at least half of the query's tokens,
 * and hits rank by the summed weight of the matched tokens (more tokens first, title and tags above
 * body), then newest first.
 */
@Stateless
@RolesAllowed({Role.AGENT_NAME, Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
public class KnowledgeBase {

  /** At most this many query tokens are looked up (a long ticket description is cut). */
  static final int MAX_QUERY_TOKENS = 32;

  static final int SNIPPET_WIDTH = 120;
  static final int MAX_QUERY_LENGTH = 200;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditTrail auditTrail;
  @Inject private TicketCatalog catalog;
  @Inject private TicketQueries tickets;

  // ---------------------------------------------------------------- reading

  public Page<ArticleSummary> search(@NotNull ArticleSearch search, @Min(0) int offset, @Min(1) @Max(100) int limit) {
    Map<Long, CategoryRef> categories = categories();
    String text = search.text() == null ? "" : search.text().strip();
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInputException("q", "invalid-parameter", "q must be at most " + MAX_QUERY_LENGTH + " characters", "q");
    }
    Filter filter = filter(search, categories);
    if (text.isEmpty()) {
      return browse(filter, offset, limit, categories);
    }
    List<String> tokens = Tokenizer.tokens(text).stream().limit(MAX_QUERY_TOKENS).toList();
    if (tokens.isEmpty()) {
      return new Page<>(List.of(), 0, offset, limit);
    }
    int minMatch = Math.max(1, (tokens.size() + 1) / 2);
    Ranked ranked = rank(tokens, minMatch, filter, offset, limit);
    return new Page<>(summaries(ranked.scores(), text, categories), ranked.total(), offset, limit);
  }

  public ArticleView find(@NotNull Long id) {
    return view(readable(id), categories());
  }

  /** Every version of a readable article, newest first. */
  public List<VersionView> versions(@NotNull Long id) {
    readable(id);
    return em.createNamedQuery("ArticleVersion.findByArticle", ArticleVersion.class).setParameter("article", id).getResultList().stream()
        .map(KnowledgeBase::version)
        .toList();
  }

  /**
   * Articles for a ticket the caller can see: by its subject and description (the same index as the
   * search, at least one token) and by its category (its own or its parent's articles score extra);
   * the ones already linked are left out.
   */
  public List<ArticleSummary> suggest(@NotNull String ticketNumber, @Min(1) @Max(20) int limit) {
    TicketView ticket = tickets.find(ticketNumber);
    Map<Long, CategoryRef> categories = categories();
    Set<Long> related = relatedCategories(ticket.categoryCode(), categories);
    Filter filter = new Filter(List.of(ArticleStatus.PUBLISHED.name()), null, null, null);
    String text = ticket.subject() + " " + (ticket.description() == null ? "" : ticket.description());
    List<String> tokens = Tokenizer.tokens(text).stream().limit(MAX_QUERY_TOKENS).toList();
    Map<Long, Integer> scores = new HashMap<>(tokens.isEmpty() ? Map.of() : rank(tokens, 1, filter, 0, 50).scores());
    if (!related.isEmpty()) {
      em.createQuery("SELECT a.id FROM Article a WHERE a.status = :published AND a.categoryId IN :categories ORDER BY a.useCount DESC, a.id", Long.class)
          .setParameter("published", ArticleStatus.PUBLISHED)
          .setParameter("categories", related)
          .setMaxResults(50)
          .getResultList()
          .forEach(id -> scores.merge(id, 0, Integer::sum));
      Map<Long, Long> categoryOf = articleCategories(scores.keySet());
      scores.replaceAll((id, s) -> related.contains(categoryOf.get(id)) ? s + CATEGORY_BONUS : s);
    }
    linkedIds(ticketNumber).forEach(scores::remove);
    Map<Long, Integer> top =
        scores.entrySet().stream()
            .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    return summaries(top, ticket.subject(), categories);
  }

  /** A suggestion in the ticket's category outranks one that only shares a few words. */
  static final int CATEGORY_BONUS = 30;

  /** The articles linked to a ticket the caller can see, in the order they were linked. */
  public List<LinkedArticle> linked(@NotNull String ticketNumber) {
    tickets.find(ticketNumber);
    List<ArticleLink> links = em.createNamedQuery("ArticleLink.findByTicket", ArticleLink.class).setParameter("ticket", ticketNumber).getResultList();
    Map<Long, Article> articles = articles(links.stream().map(ArticleLink::getArticleId).toList());
    return links.stream()
        .map(l -> {
          Article a = articles.get(l.getArticleId());
          return new LinkedArticle(l.getArticleId(), a.getTitle(), a.getVisibility().name(), l.getLinkedBy(), l.getLinkedAt());
        })
        .toList();
  }

  // ---------------------------------------------------------------- changing

  @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
  public ArticleView create(@NotNull @Valid ArticleRequest request) {
    Map<Long, CategoryRef> categories = categories();
    ArticleContent content = content(request, categories, ArticleStatus.DRAFT);
    Caller caller = currentCaller.get();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Article article = new Article(caller.login(), now);
    ArticleVersion first = article.revise(content, caller.login(), now, request.note());
    em.persist(article);
    em.persist(first.bind());
    index(article);
    auditTrail.record(new AuditEntry("KB_ARTICLE_CREATED", "KB_ARTICLE", String.valueOf(article.getId()), null, summary(article)));
    return view(article, categories);
  }

  /** Saves an article: a new version when anything changed, none otherwise. */
  @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
  public ArticleView update(@NotNull Long id, @NotNull @Valid ArticleRequest request) {
    Map<Long, CategoryRef> categories = categories();
    Article article = em.find(Article.class, id);
    if (article == null) {
      throw new NotFoundException("article", id);
    }
    if (request.baseVersion() != null && request.baseVersion() != article.getCurrentVersionNo()) {
      throw new ConflictException(
          "kb-concurrent-change", "article " + id + " is at version " + article.getCurrentVersionNo() + ", not " + request.baseVersion(), id);
    }
    ArticleContent content = content(request, categories, article.getStatus());
    String before = summary(article);
    Caller caller = currentCaller.get();
    ArticleVersion next = article.revise(content, caller.login(), Instant.now().truncatedTo(ChronoUnit.MILLIS), request.note());
    if (next == null) {
      return view(article, categories);
    }
    em.persist(next.bind());
    index(article);
    auditTrail.record(new AuditEntry("KB_ARTICLE_UPDATED", "KB_ARTICLE", String.valueOf(id), before, summary(article) + " " + next.getChangedFields()));
    return view(article, categories);
  }

  /**
   * Links a published article to a ticket the caller can see and counts the use. Linking the same
   * article again changes nothing and answers false.
   */
  @RolesAllowed({Role.AGENT_NAME, Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME})
  public boolean link(@NotNull String ticketNumber, @NotNull Long articleId) {
    TicketView ticket = tickets.find(ticketNumber);
    Article article = em.find(Article.class, articleId);
    if (article == null || article.getStatus() != ArticleStatus.PUBLISHED) {
      throw new NotFoundException("article", articleId);
    }
    long existing = em.createNamedQuery("ArticleLink.count", Long.class).setParameter("ticket", ticket.number()).setParameter("article", articleId).getSingleResult();
    if (existing > 0) {
      return false;
    }
    Caller caller = currentCaller.get();
    em.persist(new ArticleLink(articleId, ticket.number(), caller.login(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    article.countUse();
    em.flush(); // the unique key (TICKET_NO, ARTICLE_ID) decides a race before the audit record
    auditTrail.record(new AuditEntry("KB_ARTICLE_LINKED", "TICKET", ticket.number(), null, "article " + articleId + " uses " + article.getUseCount()));
    return true;
  }

  // ---------------------------------------------------------------- internals

  /** The article if the caller may read it: editors any, readers only published ones. */
  private Article readable(Long id) {
    Article a = em.find(Article.class, id);
    if (a == null || (a.getStatus() != ArticleStatus.PUBLISHED && !isEditor())) {
      throw new NotFoundException("article", id);
    }
    return a;
  }

  private boolean isEditor() {
    Caller c = currentCaller.get();
    return c.has(Role.ADMIN) || c.has(Role.SUPERVISOR);
  }

  /** Rewrites the index rows of an article from its current text (same transaction as the save). */
  private void index(Article article) {
    em.createQuery("DELETE FROM ArticleToken t WHERE t.articleId = :id").setParameter("id", article.getId()).executeUpdate();
    Tokenizer.weighted(article.getTitle(), article.getTags(), article.getBody())
        .forEach((token, weight) -> em.persist(new ArticleToken(token, article, weight)));
  }

  /**
   * Filters as SQL over a table alias whose STATUS, LANGUAGE, VISIBILITY and CATEGORY_ID columns are
   * the article's (KB_ARTICLE when browsing; the token search builds its own, see {@link #matching}).
   */
  record Filter(List<String> statuses, String language, String visibility, Set<Long> categories) {

    String where(String alias, List<Object> params) {
      StringBuilder w = new StringBuilder(" AND " + alias + ".STATUS IN (" + marks(statuses.size()) + ")");
      params.addAll(statuses);
      if (language != null) {
        w.append(" AND ").append(alias).append(".LANGUAGE = ?");
        params.add(language);
      }
      if (visibility != null) {
        w.append(" AND ").append(alias).append(".VISIBILITY = ?");
        params.add(visibility);
      }
      if (categories != null) {
        w.append(" AND ").append(alias).append(".CATEGORY_ID IN (").append(marks(categories.size())).append(")");
        params.addAll(categories);
      }
      return w.toString();
    }
  }

  private Filter filter(ArticleSearch s, Map<Long, CategoryRef> categories) {
    String language = s.language() == null || s.language().isBlank() ? null : s.language().strip();
    if (language != null && !ArticleContent.LANGUAGES.contains(language)) {
      throw new InvalidInputException("lang", "invalid-parameter", "lang must be one of " + ArticleContent.LANGUAGES, "lang");
    }
    Visibility visibility = enumOrNull("visibility", s.visibility(), Visibility.class);
    ArticleStatus status = enumOrNull("status", s.status(), ArticleStatus.class);
    List<String> statuses =
        !isEditor() ? List.of(ArticleStatus.PUBLISHED.name())
            : status != null ? List.of(status.name())
            : Arrays.stream(ArticleStatus.values()).map(Enum::name).toList();
    Set<Long> cats = null;
    if (s.categoryId() != null) {
      if (!categories.containsKey(s.categoryId())) {
        throw new InvalidInputException("category", "unknown-category", "category " + s.categoryId() + " does not exist", s.categoryId());
      }
      cats = categories.values().stream()
          .filter(c -> c.id().equals(s.categoryId()) || s.categoryId().equals(c.parentId()))
          .map(CategoryRef::id)
          .collect(Collectors.toSet());
    }
    return new Filter(statuses, language, visibility == null ? null : visibility.name(), cats);
  }

  /** A page of ranked article ids with their scores, and the number of matching articles. */
  record Ranked(Map<Long, Integer> scores, long total) {}

  /**
   * Article ids with their scores, best first: one grouped range scan of the token index, which
   * carries the filter columns, so no join; the window count gives the total in the same pass.
   */
  @SuppressWarnings("unchecked")
  private Ranked rank(List<String> tokens, int minMatch, Filter filter, int offset, int limit) {
    List<Object> params = new ArrayList<>(tokens);
    String where = matching(tokens.size(), minMatch, filter, params);
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(offset);
    pageParams.add(limit);
    String sql = rankSql(where);
    Map<Long, Integer> scores = new LinkedHashMap<>();
    long total = -1;
    for (Object[] row : (List<Object[]>) bind(em.createNativeQuery(sql), pageParams).getResultList()) {
      scores.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
      total = ((Number) row[2]).longValue();
    }
    if (total < 0) { // no row on this page: count separately (0 without a second query on the first page)
      total = offset == 0 ? 0 : ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM (SELECT t.ARTICLE_ID" + where + ") m"), params)
          .getSingleResult()).longValue();
    }
    return new Ranked(scores, total);
  }

  /**
   * The matching part of the search: the rows of the query's tokens in the wanted statuses, grouped by
   * article, an article kept when it holds at least {@code minMatch} of them and passes the other
   * filters. Every column it reads is in the covering index IX_KB_TOKEN_SEARCH (V29), so it is one
   * index range scan per token, without reading table rows.
   *
   * <p>Language, visibility and category are tested in HAVING, on the group (all rows of an article
   * carry the same values), not in WHERE: in WHERE, H2 2.2 makes an equality on an index column that
   * follows a column without a condition (LANGUAGE after ARTICLE_ID) part of the index lookup and then
   * scans the index from there to its end — 17–37 s instead of 0.1 s on 10,000 articles. TOKEN and
   * STATUS lead the index, so they stay in WHERE.
   */
  static String matching(int tokenCount, int minMatch, Filter filter, List<Object> params) {
    StringBuilder sql = new StringBuilder(" FROM KB_TOKEN t WHERE t.TOKEN IN (" + marks(tokenCount) + ")");
    sql.append(" AND t.STATUS IN (").append(marks(filter.statuses().size())).append(")");
    params.addAll(filter.statuses());
    sql.append(" GROUP BY t.ARTICLE_ID HAVING COUNT(*) >= ?");
    params.add(minMatch);
    if (filter.language() != null) {
      sql.append(" AND MAX(t.LANGUAGE) = ?");
      params.add(filter.language());
    }
    if (filter.visibility() != null) {
      sql.append(" AND MAX(t.VISIBILITY) = ?");
      params.add(filter.visibility());
    }
    if (filter.categories() != null) {
      sql.append(" AND MAX(t.CATEGORY_ID) IN (").append(marks(filter.categories().size())).append(")");
      params.addAll(filter.categories());
    }
    return sql.toString();
  }

  /** A page of hits with their scores and the exact number of matching articles. */
  static String rankSql(String matching) {
    return "SELECT t.ARTICLE_ID, SUM(t.WEIGHT), COUNT(*) OVER ()" + matching
        + " ORDER BY SUM(t.WEIGHT) DESC, t.ARTICLE_ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
  }

  /** Without a query: the newest first. */
  @SuppressWarnings("unchecked")
  private Page<ArticleSummary> browse(Filter filter, int offset, int limit, Map<Long, CategoryRef> categories) {
    List<Object> params = new ArrayList<>();
    String where = " WHERE 1 = 1" + filter.where("a", params);
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(offset);
    pageParams.add(limit);
    Map<Long, Integer> ids = new LinkedHashMap<>();
    for (Object id : (List<Object>) bind(em.createNativeQuery(
            "SELECT a.ID FROM KB_ARTICLE a" + where + " ORDER BY a.UPDATED_AT DESC, a.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"), pageParams)
        .getResultList()) {
      ids.put(((Number) id).longValue(), 0);
    }
    long total = ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM KB_ARTICLE a" + where), params).getSingleResult()).longValue();
    return new Page<>(summaries(ids, "", categories), total, offset, limit);
  }

  private static Query bind(Query q, List<Object> params) {
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return q;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private List<ArticleSummary> summaries(Map<Long, Integer> scores, String query, Map<Long, CategoryRef> categories) {
    Map<Long, Article> articles = articles(scores.keySet());
    return scores.entrySet().stream()
        .filter(e -> articles.containsKey(e.getKey()))
        .map(e -> {
          Article a = articles.get(e.getKey());
          CategoryRef c = a.getCategoryId() == null ? null : categories.get(a.getCategoryId());
          return new ArticleSummary(
              a.getId(), a.getTitle(), Snippet.html(a.getBody(), query, SNIPPET_WIDTH), a.getCategoryId(),
              c == null ? null : c.name(), c == null ? null : c.nameEn(), a.getLanguage(), a.getVisibility().name(),
              a.getStatus().name(), tags(a.getTags()), a.getUseCount(), a.getUpdatedAt(), e.getValue());
        })
        .toList();
  }

  private Map<Long, Article> articles(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("SELECT a FROM Article a WHERE a.id IN :ids", Article.class).setParameter("ids", ids).getResultList().stream()
        .collect(Collectors.toMap(Article::getId, a -> a));
  }

  private Map<Long, Long> articleCategories(java.util.Collection<Long> ids) {
    Map<Long, Long> out = new HashMap<>();
    articles(ids).forEach((id, a) -> out.put(id, a.getCategoryId()));
    return out;
  }

  private List<Long> linkedIds(String ticketNumber) {
    return em.createNamedQuery("ArticleLink.findByTicket", ArticleLink.class).setParameter("ticket", ticketNumber).getResultList().stream()
        .map(ArticleLink::getArticleId)
        .toList();
  }

  /** The ticket's category, its parent and its children (the category tree has two levels). */
  private static Set<Long> relatedCategories(String code, Map<Long, CategoryRef> categories) {
    CategoryRef own = categories.values().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    if (own == null) {
      return Set.of();
    }
    return categories.values().stream()
        .filter(c -> c.id().equals(own.id()) || c.id().equals(own.parentId()) || own.id().equals(c.parentId()))
        .map(CategoryRef::id)
        .collect(Collectors.toSet());
  }

  private Map<Long, CategoryRef> categories() {
    return catalog.categories(null).stream().collect(Collectors.toMap(CategoryRef::id, c -> c));
  }

  private ArticleContent content(ArticleRequest r, Map<Long, CategoryRef> categories, ArticleStatus defaultStatus) {
    if (!ArticleContent.LANGUAGES.contains(r.language())) {
      throw new InvalidInputException("language", "invalid-parameter", "language must be one of " + ArticleContent.LANGUAGES, "language");
    }
    if (r.categoryId() != null && !categories.containsKey(r.categoryId())) {
      throw new InvalidInputException("categoryId", "unknown-category", "category " + r.categoryId() + " does not exist", r.categoryId());
    }
    Visibility visibility = enumOrNull("visibility", r.visibility(), Visibility.class);
    if (visibility == null) {
      throw new InvalidInputException("visibility", "invalid-parameter", "visibility must be INTERNAL or PUBLIC", "visibility");
    }
    ArticleStatus status = enumOrNull("status", r.status(), ArticleStatus.class);
    return new ArticleContent(
        r.title().strip(), r.body().strip(), ArticleContent.normalizeTags(r.tags()), r.categoryId(), r.language(), visibility,
        status == null ? defaultStatus : status);
  }

  private static <E extends Enum<E>> E enumOrNull(String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "invalid-parameter", field + " must be one of " + Arrays.toString(type.getEnumConstants()), field);
    }
  }

  private ArticleView view(Article a, Map<Long, CategoryRef> categories) {
    CategoryRef c = a.getCategoryId() == null ? null : categories.get(a.getCategoryId());
    return new ArticleView(
        a.getId(), a.getTitle(), a.getBody(), tags(a.getTags()), a.getCategoryId(), c == null ? null : c.name(),
        c == null ? null : c.nameEn(), a.getLanguage(), a.getVisibility().name(), a.getStatus().name(), a.getCurrentVersionNo(),
        a.getUseCount(), a.getCreatedBy(), a.getCreatedAt(), a.getUpdatedBy(), a.getUpdatedAt());
  }

  private static VersionView version(ArticleVersion v) {
    ArticleContent c = v.content();
    return new VersionView(
        v.getVersionNo(), c.title(), c.body(), c.tags(), c.categoryId(), c.language(), c.visibility().name(), c.status().name(),
        List.of(v.getChangedFields().split(",")), v.getChangeNote(), v.getEditedBy(), v.getEditedAt());
  }

  private static List<String> tags(String tags) {
    return tags == null ? List.of() : List.of(tags.split(","));
  }

  private static String summary(Article a) {
    return "v" + a.getCurrentVersionNo() + " " + a.getStatus() + " " + a.getVisibility() + " " + a.getLanguage();
  }
}
