package org.centralis.organization.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.centralis.organization.infrastructure.StaffIdentities.Identity;
import org.centralis.shared.security.Role;
import org.junit.jupiter.api.Test;

class StaffIdentitiesTest {

  private final StaffIdentities identities = new StaffIdentities();
  private final List<String> lookups = new ArrayList<>();

  private Optional<Identity> lookup(String login) {
    lookups.add(login);
    return login.startsWith("staff") ? Optional.of(new Identity(7L, login, Set.of(Role.BRANCH_STAFF), 3L, "/1/3/")) : Optional.empty();
  }

  @Test
  void aKnownLoginIsReadOnceAndAnsweredFromMemoryAfterwards() {
    Identity first = identities.of("staff1", this::lookup).orElseThrow();
    Identity again = identities.of("staff1", this::lookup).orElseThrow();
    assertEquals(first, again);
    assertEquals("/1/3/", again.branchPath());
    assertEquals(List.of("staff1"), lookups, "the second request did not read STAFF");
    assertEquals("10.0.0.9", again.from("10.0.0.9").clientIp(), "the client address is the request's own");
  }

  @Test
  void aLoginWithNoStaffIsNotRememberedSoItsStaffRecordIsSeenOnceItExists() {
    assertTrue(identities.of("ghost", this::lookup).isEmpty());
    assertTrue(identities.of("ghost", this::lookup).isEmpty());
    assertEquals(List.of("ghost", "ghost"), lookups);
  }
}
