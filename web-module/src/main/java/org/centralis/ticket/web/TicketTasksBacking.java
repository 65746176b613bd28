package org.centralis.ticket.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.TaskView;
import org.centralis.ticket.application.TicketTasks;
import org.primefaces.PrimeFaces;

/**
 * The sub-task panel (协办任务) of the ticket page: the ticket's sub-tasks with the steps the reader
 * may take, and the dialog that sends a new one or asks for a result or reason.
 */
@Named
@ViewScoped
public class TicketTasksBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketTasks service;
  @Inject private TicketViewBacking page;
  @Inject private OrganizationDirectory organization;

  private List<TaskView> tasks;
  private Boolean maySend;
  private Boolean allDone;
  private List<TeamRef> teams;

  /** "send" for a new sub-task, else complete / reject / cancel of task {@link #seqNo}. */
  private String pending;
  private Integer seqNo;
  private Long teamId;
  private String text;

  public List<TaskView> getTasks() {
    if (tasks == null) {
      tasks = read(() -> service.of(number()), List.of());
    }
    return tasks;
  }

  public boolean isMaySend() {
    if (maySend == null) {
      maySend = read(() -> service.maySend(number()), false);
    }
    return maySend;
  }

  /** All done on a complaint that is still open: its team resolves it by hand, with the root cause. */
  public boolean isAllDone() {
    if (allDone == null) {
      allDone = !getTasks().isEmpty() && read(() -> service.allDone(number()), false);
    }
    return allDone;
  }

  /** Opens the dialog: {@code send} a new sub-task, or a step of task {@code seq} that needs text. */
  public void prepare(String action, Integer seq) {
    pending = action;
    seqNo = seq;
    teamId = null;
    text = null;
  }

  /** Steps that need a result or a reason go through the dialog; accept runs on a click. */
  public boolean needsInput(String action) {
    return !"accept".equals(action);
  }

  public void accept(int seq) {
    run(() -> service.act(number(), seq, TicketTasks.TaskAction.ACCEPT, null));
  }

  public void submit() {
    boolean ok;
    if ("send".equals(pending)) {
      ok = run(() -> service.send(number(), teamId, text));
    } else {
      ok = run(() -> service.act(number(), seqNo, TicketTasks.TaskAction.valueOf(pending.toUpperCase(Locale.ROOT)), text));
    }
    if (!ok) {
      PrimeFaces.current().ajax().addCallbackParam("failed", true);
    }
  }

  /** Every team but the one holding the ticket, loaded when first asked for. */
  public List<TeamRef> getTeams() {
    if (teams == null) {
      String holder = page.getTicket() == null || page.getTicket().assignedTeam() == null ? "" : page.getTicket().assignedTeam().code();
      teams = organization.teams().stream().filter(t -> !t.code().equals(holder)).toList();
    }
    return teams;
  }

  private boolean run(Runnable step) {
    try {
      step.run();
      Messages.info("ticket.tasks.done", number());
      return true;
    } catch (RuntimeException e) {
      Messages.handle(e);
      return false;
    } finally {
      tasks = null;
      maySend = null;
      allDone = null;
      page.load(); // the last sub-task done may have resolved the ticket
    }
  }

  private <T> T read(java.util.function.Supplier<T> reader, T fallback) {
    if (page.getTicket() == null) {
      return fallback;
    }
    try {
      return reader.get();
    } catch (RuntimeException e) {
      Messages.handle(e);
      return fallback;
    }
  }

  private String number() {
    return page.getTicket().number();
  }

  public String getPending() {
    return pending;
  }

  public Integer getSeqNo() {
    return seqNo;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long v) {
    teamId = v;
  }

  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }
}
