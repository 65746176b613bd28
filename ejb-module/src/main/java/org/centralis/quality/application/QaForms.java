package org.centralis.quality.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;

/**
 * QA forms (质检表) as data: administrators create them and take them out of use; supervisors score on the active ones.
 * A form that has been used is never changed — its scores name its criteria by id, and a score must keep meaning what
 * it meant — so a change is a <em>revision</em>: a new form that replaces the old one, which is deactivated in the same
 * transaction and stays readable for its scores.
 */
@Stateless
public class QaForms {

  static final int MAX_CRITERIA = 20;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

  /** A form as an administrator writes it; {@code replaces} names the form this one revises (null for a new one). */
  public record FormDocument(String code, String name, String nameEn, List<CriterionDocument> criteria, Long replaces) {}

  /** One weighted criterion; the weights are relative (a total is Σ weight × points / Σ weight). */
  public record CriterionDocument(String name, String nameEn, BigDecimal weight) {}

  /** A form with its criteria and whether it is in use. */
  public record FormSummary(long id, String code, String name, String nameEn, boolean active, List<QaViews.Criterion> criteria) {}

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;

  /** Every form, the active ones first, newest first within. */
  @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
  public List<FormSummary> list() {
    List<FormSummary> forms = new ArrayList<>();
    for (Object row : em.createNativeQuery("SELECT ID, CODE, NAME, NAME_EN, ACTIVE FROM QA_FORM ORDER BY ACTIVE DESC, ID DESC").getResultList()) {
      Object[] f = (Object[]) row;
      long id = ((Number) f[0]).longValue();
      forms.add(new FormSummary(id, (String) f[1], (String) f[2], (String) f[3], ((Number) f[4]).intValue() == 1, criteria(id)));
    }
    return forms;
  }

  /** One form, active or not. */
  @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
  public FormSummary get(long id) {
    return list().stream().filter(f -> f.id() == id).findFirst().orElseThrow(() -> new NotFoundException("qa-form", id));
  }

  /** Creates a form (or a revision of one, which then goes out of use); answers its id. Audited as QA_FORM_CREATED. */
  @RolesAllowed(Role.ADMIN_NAME)
  public long create(FormDocument doc) {
    if (doc == null) {
      throw new InvalidInputException("code", "validation", "a form is required");
    }
    String code = doc.code() == null ? "" : doc.code().strip().toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException("code", "invalid-code", "a code is 2 to 40 of A-Z, 0-9, _ and -", doc.code());
    }
    if (!em.createNativeQuery("SELECT ID FROM QA_FORM WHERE CODE = ?").setParameter(1, code).getResultList().isEmpty()) {
      throw new ConflictException("code-taken", "a form " + code + " exists already", code);
    }
    String name = text("name", doc.name(), 100);
    String nameEn = text("nameEn", doc.nameEn(), 100);
    List<CriterionDocument> criteria = doc.criteria() == null ? List.of() : doc.criteria();
    if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
      throw new InvalidInputException("criteria", "invalid-criteria", "a form has 1 to " + MAX_CRITERIA + " criteria", criteria.size());
    }
    long id = nextId();
    em.createNativeQuery("INSERT INTO QA_FORM (ID, CODE, NAME, NAME_EN, ACTIVE) VALUES (?, ?, ?, ?, 1)")
        .setParameter(1, id).setParameter(2, code).setParameter(3, name).setParameter(4, nameEn).executeUpdate();
    for (int i = 0; i < criteria.size(); i++) {
      CriterionDocument c = criteria.get(i);
      String at = "criteria[" + i + "]";
      if (c == null || c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(BigDecimal.valueOf(1000)) >= 0 || c.weight().scale() > 2) {
        throw new InvalidInputException(at + ".weight", "invalid-weight", "a weight is a positive number below 1000 with at most two decimals",
            c == null ? null : c.weight());
      }
      em.createNativeQuery("INSERT INTO QA_CRITERION (ID, FORM_ID, SORT_NO, NAME, NAME_EN, WEIGHT) VALUES (?, ?, ?, ?, ?, ?)")
          .setParameter(1, nextId()).setParameter(2, id).setParameter(3, i + 1).setParameter(4, text(at + ".name", c.name(), 100))
          .setParameter(5, text(at + ".nameEn", c.nameEn(), 100)).setParameter(6, c.weight()).executeUpdate();
    }
    if (doc.replaces() != null) {
      activate(doc.replaces(), false, code);
    }
    auditTrail.record(new AuditEntry("QA_FORM_CREATED", "QA_FORM", Long.toString(id), null,
        code + " " + criteria.size() + " criteria" + (doc.replaces() == null ? "" : ", replaces " + doc.replaces())));
    return id;
  }

  /** Puts a form into use or takes it out of use (its scores stay); the last active form stays. */
  @RolesAllowed(Role.ADMIN_NAME)
  public void setActive(long id, boolean active) {
    activate(id, active, null);
  }

  private void activate(long id, boolean active, String replacedBy) {
    List<?> current = em.createNativeQuery("SELECT ACTIVE FROM QA_FORM WHERE ID = ?").setParameter(1, id).getResultList();
    if (current.isEmpty()) {
      throw new NotFoundException("qa-form", id);
    }
    boolean was = ((Number) current.get(0)).intValue() == 1;
    if (was == active) {
      return;
    }
    if (!active && replacedBy == null && ((Number) em.createNativeQuery("SELECT COUNT(*) FROM QA_FORM WHERE ACTIVE = 1").getSingleResult()).intValue() <= 1) {
      throw new ConflictException("last-active-form", "form " + id + " is the only one supervisors can score on", id);
    }
    em.createNativeQuery("UPDATE QA_FORM SET ACTIVE = ? WHERE ID = ?").setParameter(1, active ? 1 : 0).setParameter(2, id).executeUpdate();
    auditTrail.record(new AuditEntry(active ? "QA_FORM_ACTIVATED" : "QA_FORM_DEACTIVATED", "QA_FORM", Long.toString(id), was ? "active" : "inactive",
        (active ? "active" : "inactive") + (replacedBy == null ? "" : ", replaced by " + replacedBy)));
  }

  private List<QaViews.Criterion> criteria(long formId) {
    Map<Integer, QaViews.Criterion> sorted = new TreeMap<>();
    for (Object row : em.createNativeQuery("SELECT ID, SORT_NO, NAME, NAME_EN, WEIGHT FROM QA_CRITERION WHERE FORM_ID = ?").setParameter(1, formId).getResultList()) {
      Object[] c = (Object[]) row;
      sorted.put(((Number) c[1]).intValue(), new QaViews.Criterion(((Number) c[0]).longValue(), (String) c[2], (String) c[3], plain(new BigDecimal(c[4].toString()))));
    }
    return List.copyOf(sorted.values());
  }

  /** 10.00 → 10, 12.50 → 12.5: a weight as people write it, whatever scale the database returned. */
  private static BigDecimal plain(BigDecimal w) {
    BigDecimal s = w.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Ids from QA_SEQ, as the QA entities use (each value taken whole, so it never meets a block EclipseLink holds). */
  private long nextId() {
    return ((Number) em.createNativeQuery("SELECT QA_SEQ.NEXTVAL FROM DUAL").getSingleResult()).longValue();
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      throw new InvalidInputException(field, "validation", field + " has 1 to " + max + " characters");
    }
    return value.strip();
  }
}
