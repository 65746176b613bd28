package org.centralis.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.centralis.audit.domain.AuditChainHead;
import org.centralis.audit.domain.AuditHash;
import org.centralis.organization.domain.Staff;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketType;

/**
 * Builds entities whose only constructor is the protected one JPA needs, and sets private fields,
 * by reflection — the one place the unit tests reach past the public API.
 */
public final class Entities {

  private Entities() {}

  /** A new instance through the (protected) no-arg constructor. */
  public static <T> T instantiate(Class<T> type) {
    try {
      Constructor<T> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type.getName(), e);
    }
  }

  /** Sets a field declared by the object's class (or a superclass), whatever its visibility. */
  public static <T> T set(T target, String fieldName, Object value) {
    try {
      field(target.getClass(), fieldName).set(target, value);
      return target;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + fieldName, e);
    }
  }

  public static Object get(Object target, String fieldName) {
    try {
      return field(target.getClass(), fieldName).get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + fieldName, e);
    }
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalArgumentException(type.getName() + " has no field " + name);
  }

  /** An active category node. */
  public static TicketCategory category(
      long id, String code, TicketType type, String name, String nameEn, TicketCategory parent) {
    TicketCategory c = instantiate(TicketCategory.class);
    set(c, "id", id);
    set(c, "code", code);
    set(c, "ticketType", type);
    set(c, "name", name);
    set(c, "nameEn", nameEn);
    set(c, "parent", parent);
    set(c, "active", true);
    return c;
  }

  /** The chain head as the migration seeds it: nothing appended yet, genesis hash. */
  public static AuditChainHead genesisHead() {
    AuditChainHead head = instantiate(AuditChainHead.class);
    set(head, "id", AuditChainHead.ID);
    set(head, "lastSeqNo", 0L);
    set(head, "lastHash", AuditHash.GENESIS);
    return head;
  }

  /** An active staff member with no failed sign-ins. */
  public static Staff staff(long id, String login) {
    Staff s = instantiate(Staff.class);
    set(s, "id", id);
    set(s, "login", login);
    set(s, "active", true);
    return s;
  }
}
