package org.centralis.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

  static final Caller PROVINCE_SUPERVISOR =
      new Caller(7L, "sup1050", Set.of(Role.SUPERVISOR, Role.AGENT), 1050L, "/1000/1050/", "10.0.0.7");

  @ParameterizedTest
  @CsvSource({
    "/1000/1050/, true",
    "/1000/1050/1100/, true",
    "/1000/1050/1100/1150/, true",
    "/1000/, false",
    "/, false",
    "/1000/1060/, false",
    "/1000/1060/1050/, false",
    "/1000/10501/, false",
    "/1000/1050, false",
    "'', false",
  })
  void seesItsBranchAndEverythingBelow(String ownerPath, boolean visible) {
    assertEquals(visible, PROVINCE_SUPERVISOR.canSee(ownerPath), ownerPath);
  }

  @Test
  void nobodySeesDataWithoutABranch() {
    assertFalse(PROVINCE_SUPERVISOR.canSee(null));
    assertFalse(Caller.system().canSee(null));
    assertFalse(Caller.unknown("ghost", "10.0.0.1").canSee(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/1000/", "/1000/1050/1100/1150/", "/1000/1060/"})
  void theSystemSeesEverything(String ownerPath) {
    assertTrue(Caller.system().canSee(ownerPath));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/1000/", "/1000/1050/1100/1150/", ""})
  void anUnknownCallerSeesNothing(String ownerPath) {
    assertFalse(Caller.unknown("ghost", "10.0.0.1").canSee(ownerPath));
  }

  @Test
  void theSystemCaller() {
    Caller system = Caller.system();
    assertTrue(system.isSystem());
    assertEquals("system", system.login());
    assertNull(system.staffId());
    assertTrue(system.roles().isEmpty());
    assertEquals("SYSTEM", system.primaryRole());
  }

  @Test
  void anUnknownCallerHasNoRolesAndIsNotTheSystem() {
    Caller ghost = Caller.unknown("ghost", "10.0.0.1");
    assertFalse(ghost.isSystem());
    assertEquals("ghost", ghost.login());
    assertEquals("10.0.0.1", ghost.clientIp());
    for (Role r : Role.values()) {
      assertFalse(ghost.has(r));
    }
    assertNull(ghost.primaryRole());
    // Even a principal named "system" that the staff table does not know is not the system.
    assertFalse(Caller.unknown("system", "10.0.0.1").canSee("/1000/"));
  }

  @Test
  void aStaffMemberCalledSystemIsNotTheSystem() {
    Caller impostor = new Caller(9L, "system", Set.of(), 1150L, "/1000/1050/1100/1150/", null);
    assertFalse(impostor.isSystem());
    assertNull(impostor.primaryRole());
  }

  @Test
  void rolesAndPrimaryRole() {
    assertTrue(PROVINCE_SUPERVISOR.has(Role.SUPERVISOR));
    assertTrue(PROVINCE_SUPERVISOR.has(Role.AGENT));
    assertFalse(PROVINCE_SUPERVISOR.has(Role.ADMIN));
    assertEquals("AGENT", PROVINCE_SUPERVISOR.primaryRole(), "the first in the order of Role");
  }
}
