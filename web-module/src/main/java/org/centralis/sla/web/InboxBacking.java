package org.centralis.sla.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.centralis.shared.domain.CentralisException;
import org.centralis.shared.web.Messages;
import org.centralis.sla.application.Notifications;

/** The bell in the header and the inbox page (tickets/inbox.xhtml): the signed-in person's notifications. */
@Named
@RequestScoped
public class InboxBacking {

  private static final int PAGE = 100;

  @Inject private Notifications notifications;

  private Long unread;
  private List<Notifications.Item> items;

  /** Unread count for the bell; 0 for accounts without a staff record (the CTI system). */
  public long getUnread() {
    if (unread == null) {
      try {
        unread = notifications.unread();
      } catch (CentralisException | jakarta.ejb.EJBAccessException e) {
        unread = 0L;
      }
    }
    return unread;
  }

  public List<Notifications.Item> getItems() {
    if (items == null) {
      items = notifications.mine(0, PAGE).items();
    }
    return items;
  }

  /** Opening an entry marks it read and goes to its ticket. */
  public String open(Notifications.Item item) {
    notifications.markRead(item.id());
    return "/tickets/view.xhtml?faces-redirect=true&number=" + item.ticketNo();
  }

  /** Confirms an escalation that asks for it; a refusal (confirmed meanwhile by a colleague) is shown as a message. */
  public void acknowledge(Notifications.Item item) {
    try {
      notifications.acknowledge(item.id());
      Messages.info("inbox.acknowledged", item.ticketNo());
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    unread = null;
    items = null;
  }

  public void markAllRead() {
    notifications.markAllRead();
    unread = null;
    items = null;
  }
}
