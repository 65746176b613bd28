package org.centralis.sla.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.web.Messages;
import org.centralis.sla.application.ChainDocument;
import org.centralis.sla.application.ClockRecompute;
import org.centralis.sla.application.EscalationChains;

/**
 * The administrator's escalation-chain editor (/admin/escalation-chains.xhtml): every chain; the levels of the chosen
 * one (or a new one) edited in a table — delay after the breach in working minutes, whom to notify where, a team that
 * takes the ticket over, a priority to raise it to — and saved through {@link EscalationChains}, which the API uses
 * too; the breached clocks on the chain are then rescheduled.
 */
@Named
@ViewScoped
public class EscalationChainsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EscalationChains chains;
  @Inject private ClockRecompute recompute;
  @Inject private OrganizationDirectory organization;

  private List<ChainDocument> all = List.of();
  private List<TeamRef> teams = List.of();
  private Long editingId;
  private String code;
  private String name;
  private List<LevelRow> levels = new ArrayList<>();

  /** One editable level; minutes for people, seconds for the API. */
  public static class LevelRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long delayMinutes = 0L;
    private String notifyRole = "SUPERVISOR";
    private String notifyAt = "OWNING";
    private Long reassignTeamId;
    private String raisePriority;
    private boolean ackRequired;

    public Long getDelayMinutes() {
      return delayMinutes;
    }

    public void setDelayMinutes(Long delayMinutes) {
      this.delayMinutes = delayMinutes;
    }

    public String getNotifyRole() {
      return notifyRole;
    }

    public void setNotifyRole(String notifyRole) {
      this.notifyRole = notifyRole;
    }

    public String getNotifyAt() {
      return notifyAt;
    }

    public void setNotifyAt(String notifyAt) {
      this.notifyAt = notifyAt;
    }

    public Long getReassignTeamId() {
      return reassignTeamId;
    }

    public void setReassignTeamId(Long reassignTeamId) {
      this.reassignTeamId = reassignTeamId;
    }

    public String getRaisePriority() {
      return raisePriority;
    }

    public void setRaisePriority(String raisePriority) {
      this.raisePriority = raisePriority;
    }

    public boolean isAckRequired() {
      return ackRequired;
    }

    public void setAckRequired(boolean ackRequired) {
      this.ackRequired = ackRequired;
    }
  }

  @PostConstruct
  void load() {
    try {
      all = chains.list();
      teams = organization.teams();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void select(ChainDocument c) {
    editingId = c.id();
    code = c.code();
    name = c.name();
    levels = new ArrayList<>();
    for (ChainDocument.Level l : c.levels()) {
      LevelRow row = new LevelRow();
      row.delayMinutes = minutes(l.delaySeconds());
      row.notifyRole = l.notifyRole();
      row.notifyAt = l.notifyAt();
      row.reassignTeamId = l.reassignTeamId();
      row.raisePriority = l.raisePriority();
      row.ackRequired = Boolean.TRUE.equals(l.ackRequired());
      levels.add(row);
    }
  }

  /** A new chain with the next free id and one level (notify the supervisors at the breach). */
  public void create() {
    editingId = all.stream().mapToLong(ChainDocument::id).max().orElse(0) + 1;
    code = null;
    name = null;
    levels = new ArrayList<>(List.of(new LevelRow()));
  }

  public void addLevel() {
    LevelRow row = new LevelRow();
    if (!levels.isEmpty()) {
      row.delayMinutes = levels.get(levels.size() - 1).delayMinutes;
    }
    levels.add(row);
  }

  public void removeLevel(int index) {
    if (levels.size() > 1) {
      levels.remove(index);
    }
  }

  public void save() {
    try {
      List<ChainDocument.Level> doc = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        LevelRow r = levels.get(i);
        doc.add(new ChainDocument.Level(i + 1, r.delayMinutes == null ? null : r.delayMinutes * 60, r.notifyRole, r.notifyAt, r.reassignTeamId,
            r.raisePriority, r.ackRequired));
      }
      chains.put(editingId, new ChainDocument(editingId, code, name, doc));
      int rescheduled = recompute.chain(editingId);
      Messages.info("sla.chains.saved", name, rescheduled);
      all = chains.list();
      select(chains.get(editingId));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Whole working minutes, as the editor shows delays. */
  public long minutes(Long seconds) {
    return seconds == null ? 0 : seconds / 60;
  }

  public String teamName(Long id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst().map(t -> t.name(Messages.locale().getLanguage()) + " · "
        + (Messages.english() ? t.branchNameEn() : t.branchName())).orElse("");
  }

  public List<String> getRoles() {
    return EscalationChains.NOTIFY_ROLES;
  }

  public List<String> getPlaces() {
    return EscalationChains.NOTIFY_AT;
  }

  /** Priorities a level may raise to (LOW, which the API also takes, raises nothing worth a level). */
  public List<String> getPriorities() {
    return List.of("NORMAL", "HIGH", "URGENT");
  }

  public List<ChainDocument> getAll() {
    return all;
  }

  public List<TeamRef> getTeams() {
    return teams;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<LevelRow> getLevels() {
    return levels;
  }
}
