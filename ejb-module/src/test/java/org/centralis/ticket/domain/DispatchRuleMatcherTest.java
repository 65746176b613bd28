package org.centralis.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.ticket.domain.DispatchRuleMatcher.Facts;
import org.junit.jupiter.api.Test;

class DispatchRuleMatcherTest {

  // Branch tree: HQ 1000 > province 1050 > city 1100 > sub-branch 1150; province 1060 beside 1050.
  static final long HQ = 1000;
  static final long PROVINCE = 1050;
  static final long CITY = 1100;
  static final long SUB_BRANCH = 1150;
  static final long OTHER_PROVINCE = 1060;

  static final Map<Long, String> PATHS =
      Map.of(
          HQ, "/1000/",
          PROVINCE, "/1000/1050/",
          CITY, "/1000/1050/1100/",
          SUB_BRANCH, "/1000/1050/1100/1150/",
          OTHER_PROVINCE, "/1000/1060/");

  // Fault-report categories: 500 (root) > 510 ATM > 512 card retained.
  static final long FAULTS = 500;
  static final long ATM = 510;
  static final long CARD_RETAINED = 512;
  static final long POS = 520;
  static final List<Long> CARD_RETAINED_LINEAGE = List.of(CARD_RETAINED, ATM, FAULTS);

  static final Facts ATM_FAULT_AT_SUB_BRANCH =
      new Facts(TicketType.FAULT_REPORT, CARD_RETAINED_LINEAGE, "/1000/1050/1100/1150/", "STANDARD");

  static DispatchRule rule(long id, TicketType type, Long category, Long branch, String tier, long team) {
    return new DispatchRule(id, "rule " + id, type, category, branch, tier, team);
  }

  static Optional<DispatchRule> match(Facts facts, DispatchRule... rules) {
    return new DispatchRuleMatcher(List.of(rules), PATHS).match(facts);
  }

  static long winner(Facts facts, DispatchRule... rules) {
    Optional<DispatchRule> r = match(facts, rules);
    assertTrue(r.isPresent(), "a rule should match");
    return r.get().getId();
  }

  @Test
  void exactCategoryBeatsAncestorBeatsTypeBeatsCatchAll() {
    DispatchRule catchAll = rule(1, null, null, null, null, 90);
    DispatchRule typeOnly = rule(2, TicketType.FAULT_REPORT, null, null, null, 91);
    DispatchRule ancestor = rule(3, TicketType.FAULT_REPORT, ATM, null, null, 92);
    DispatchRule root = rule(4, null, FAULTS, null, null, 93);
    DispatchRule exact = rule(5, TicketType.FAULT_REPORT, CARD_RETAINED, null, null, 94);

    assertEquals(5, winner(ATM_FAULT_AT_SUB_BRANCH, catchAll, typeOnly, ancestor, root, exact));
    assertEquals(5, winner(ATM_FAULT_AT_SUB_BRANCH, exact, root, ancestor, typeOnly, catchAll));
    // Ancestors at any depth rank the same; the lower id settles it.
    assertEquals(3, winner(ATM_FAULT_AT_SUB_BRANCH, catchAll, typeOnly, root, ancestor));
    assertEquals(4, winner(ATM_FAULT_AT_SUB_BRANCH, catchAll, typeOnly, root));
    assertEquals(2, winner(ATM_FAULT_AT_SUB_BRANCH, catchAll, typeOnly));
    assertEquals(1, winner(ATM_FAULT_AT_SUB_BRANCH, catchAll));
  }

  @Test
  void theWinnerCarriesItsTeam() {
    assertEquals(
        94L,
        match(ATM_FAULT_AT_SUB_BRANCH, rule(1, null, null, null, null, 90), rule(5, null, CARD_RETAINED, null, null, 94))
            .orElseThrow()
            .getTeamId());
  }

  @Test
  void whatBeatsWhere() {
    // A catch-all for the very branch of the ticket loses to a type rule from nowhere in particular.
    DispatchRule branchCatchAll = rule(1, null, null, SUB_BRANCH, null, 90);
    DispatchRule typeOnly = rule(2, TicketType.FAULT_REPORT, null, null, null, 91);
    assertEquals(2, winner(ATM_FAULT_AT_SUB_BRANCH, branchCatchAll, typeOnly));

    // A type rule for the ticket's branch loses to an ancestor-category rule without branch.
    DispatchRule branchType = rule(3, TicketType.FAULT_REPORT, null, SUB_BRANCH, "STANDARD", 92);
    DispatchRule ancestor = rule(4, null, ATM, null, null, 93);
    assertEquals(4, winner(ATM_FAULT_AT_SUB_BRANCH, branchType, ancestor));
  }

  @Test
  void aComplaintGoesToTheComplaintsTeamEvenFromABranchWithACatchAll() {
    Facts complaint = new Facts(TicketType.COMPLAINT, List.of(210L, 200L), "/1000/1050/1100/", "GOLD");
    DispatchRule cityCatchAll = rule(1, null, null, CITY, null, 90);
    DispatchRule complaints = rule(2, TicketType.COMPLAINT, null, null, null, 91);
    assertEquals(2, winner(complaint, cityCatchAll, complaints));
  }

  @Test
  void anAtmFaultGoesToTheBranchOperationsTeamRatherThanHq() {
    DispatchRule hqAtm = rule(1, TicketType.FAULT_REPORT, ATM, null, null, 90);
    DispatchRule cityAtm = rule(2, TicketType.FAULT_REPORT, ATM, CITY, null, 91);
    assertEquals(2, winner(ATM_FAULT_AT_SUB_BRANCH, hqAtm, cityAtm));
  }

  @Test
  void deeperBranchBeatsShallowerBeatsNone() {
    DispatchRule none = rule(1, TicketType.FAULT_REPORT, null, null, null, 90);
    DispatchRule hq = rule(2, TicketType.FAULT_REPORT, null, HQ, null, 91);
    DispatchRule province = rule(3, TicketType.FAULT_REPORT, null, PROVINCE, null, 92);
    DispatchRule city = rule(4, TicketType.FAULT_REPORT, null, CITY, null, 93);
    DispatchRule subBranch = rule(5, TicketType.FAULT_REPORT, null, SUB_BRANCH, null, 94);

    assertEquals(5, winner(ATM_FAULT_AT_SUB_BRANCH, none, hq, province, city, subBranch));
    assertEquals(4, winner(ATM_FAULT_AT_SUB_BRANCH, city, province, hq, none));
    assertEquals(3, winner(ATM_FAULT_AT_SUB_BRANCH, none, hq, province));
    assertEquals(2, winner(ATM_FAULT_AT_SUB_BRANCH, none, hq));

    // A ticket at the city branch itself is not in the sub-branch's subtree.
    Facts atCity = new Facts(TicketType.FAULT_REPORT, CARD_RETAINED_LINEAGE, "/1000/1050/1100/", null);
    assertEquals(4, winner(atCity, none, hq, province, city, subBranch));
  }

  @Test
  void whereBeatsTier() {
    DispatchRule provinceGold = rule(1, TicketType.COMPLAINT, null, PROVINCE, "GOLD", 90);
    DispatchRule city = rule(2, TicketType.COMPLAINT, null, CITY, null, 91);
    Facts goldAtCity = new Facts(TicketType.COMPLAINT, List.of(200L), "/1000/1050/1100/", "GOLD");
    assertEquals(2, winner(goldAtCity, provinceGold, city));
  }

  @Test
  void tierRuleBeatsNoTierAndMatchesOnlyItsTier() {
    DispatchRule anyTier = rule(1, TicketType.COMPLAINT, null, null, null, 90);
    DispatchRule gold = rule(2, TicketType.COMPLAINT, null, null, "GOLD", 91);
    Facts goldComplaint = new Facts(TicketType.COMPLAINT, List.of(200L), "/1000/1060/", "GOLD");
    Facts silverComplaint = new Facts(TicketType.COMPLAINT, List.of(200L), "/1000/1060/", "SILVER");
    Facts noTierComplaint = new Facts(TicketType.COMPLAINT, List.of(200L), "/1000/1060/", null);

    assertEquals(2, winner(goldComplaint, anyTier, gold));
    assertEquals(1, winner(silverComplaint, anyTier, gold));
    assertEquals(1, winner(noTierComplaint, anyTier, gold));
    assertEquals(Optional.empty(), match(silverComplaint, gold));
    assertEquals(Optional.empty(), match(noTierComplaint, gold));
  }

  @Test
  void tiesGoToTheLowestIdWhateverTheOrder() {
    DispatchRule r7 = rule(7, TicketType.INQUIRY, null, PROVINCE, null, 97);
    DispatchRule r3 = rule(3, TicketType.INQUIRY, null, PROVINCE, null, 93);
    DispatchRule r12 = rule(12, TicketType.INQUIRY, null, PROVINCE, null, 99);
    Facts inquiry = new Facts(TicketType.INQUIRY, List.of(100L), "/1000/1050/1100/", null);

    List<DispatchRule> rules = new ArrayList<>(List.of(r7, r3, r12));
    for (int i = 0; i < 3; i++) {
      Collections.rotate(rules, 1);
      assertEquals(3L, new DispatchRuleMatcher(rules, PATHS).match(inquiry).orElseThrow().getId(), rules.toString());
    }
    Collections.reverse(rules);
    assertEquals(3L, new DispatchRuleMatcher(rules, PATHS).match(inquiry).orElseThrow().getId());
  }

  @Test
  void aBranchRuleMatchesOnlyItsSubtree() {
    DispatchRule provinceRule = rule(1, null, null, PROVINCE, null, 90);

    assertEquals(1, winner(ATM_FAULT_AT_SUB_BRANCH, provinceRule));
    assertEquals(1, winner(facts("/1000/1050/"), provinceRule), "the branch itself");
    assertEquals(Optional.empty(), match(facts("/1000/1060/"), provinceRule), "sibling province");
    assertEquals(Optional.empty(), match(facts("/1000/1060/1200/"), provinceRule), "under the sibling");
    assertEquals(Optional.empty(), match(facts("/1000/"), provinceRule), "the parent");
    assertEquals(Optional.empty(), match(facts("/1000/10501/"), provinceRule), "an id sharing the prefix");
    assertEquals(Optional.empty(), match(facts(null), provinceRule), "no branch");
  }

  @Test
  void aRuleForABranchWithoutKnownPathMatchesNothing() {
    DispatchRule unknownBranch = rule(1, null, null, 9999L, null, 90);
    assertEquals(Optional.empty(), match(ATM_FAULT_AT_SUB_BRANCH, unknownBranch));
  }

  @Test
  void typeAndCategoryMustMatch() {
    assertEquals(Optional.empty(), match(ATM_FAULT_AT_SUB_BRANCH, rule(1, TicketType.COMPLAINT, null, null, null, 90)));
    assertEquals(Optional.empty(), match(ATM_FAULT_AT_SUB_BRANCH, rule(2, null, POS, null, null, 90)), "sibling category");
    assertEquals(
        Optional.empty(),
        match(ATM_FAULT_AT_SUB_BRANCH, rule(3, TicketType.COMPLAINT, CARD_RETAINED, null, null, 90)),
        "category right, type wrong");
  }

  @Test
  void noRuleMeansNoMatch() {
    assertEquals(Optional.empty(), new DispatchRuleMatcher(List.of(), PATHS).match(ATM_FAULT_AT_SUB_BRANCH));
    assertEquals(
        Optional.empty(),
        match(
            ATM_FAULT_AT_SUB_BRANCH,
            rule(1, TicketType.INQUIRY, null, null, null, 90),
            rule(2, null, null, OTHER_PROVINCE, null, 91),
            rule(3, null, null, null, "PRIVATE", 92)));
  }

  @Test
  void theNearerAncestorCategoryWinsWhateverTheIds() {
    // Administrators may now build deeper trees: a rule on the parent beats one on the grandparent.
    DispatchRule root = rule(1, null, FAULTS, null, null, 90);
    DispatchRule atm = rule(2, null, ATM, null, null, 91);
    assertEquals(2, winner(ATM_FAULT_AT_SUB_BRANCH, root, atm));
    DispatchRule rootLowId = rule(1, null, FAULTS, SUB_BRANCH, "STANDARD", 90);
    assertEquals(9, winner(ATM_FAULT_AT_SUB_BRANCH, rootLowId, rule(9, null, ATM, null, null, 91)), "what beats where and tier");
  }

  @Test
  void aLanguageRuleMatchesOnlyItsLanguageAndBeatsNoLanguage() {
    DispatchRule any = rule(1, TicketType.FAULT_REPORT, ATM, null, null, 90);
    DispatchRule english = new DispatchRule(2, new DispatchRule.Criteria("en", TicketType.FAULT_REPORT, ATM, null, null, "en", 95L), true);
    Facts en = new Facts(TicketType.FAULT_REPORT, CARD_RETAINED_LINEAGE, "/1000/1050/", "STANDARD", "en");
    Facts zh = new Facts(TicketType.FAULT_REPORT, CARD_RETAINED_LINEAGE, "/1000/1050/", "STANDARD", "zh");
    assertEquals(2, winner(en, any, english));
    assertEquals(1, winner(zh, any, english));
    assertEquals(1, winner(facts("/1000/"), english, any), "no known language: only rules without one");
    DispatchRule tier = rule(3, TicketType.FAULT_REPORT, ATM, null, "STANDARD", 96);
    assertEquals(3, winner(en, any, english, tier), "tier beats language");
  }

  @Test
  void theListedOrderIsTheOrderTheMatcherChoosesIn() {
    List<DispatchRule> rules =
        List.of(
            rule(1, null, null, null, null, 90),
            rule(2, TicketType.FAULT_REPORT, null, null, null, 91),
            rule(3, null, FAULTS, null, null, 92),
            rule(4, null, ATM, null, null, 93),
            rule(5, null, CARD_RETAINED, null, null, 94),
            rule(6, TicketType.FAULT_REPORT, null, CITY, null, 95),
            rule(7, TicketType.FAULT_REPORT, null, PROVINCE, null, 96),
            rule(8, TicketType.FAULT_REPORT, null, PROVINCE, "STANDARD", 97),
            rule(9, TicketType.FAULT_REPORT, null, PROVINCE, null, 98));
    Map<Long, Integer> depths = Map.of(FAULTS, 0, ATM, 1, CARD_RETAINED, 2);
    List<Long> listed = DispatchRuleMatcher.inPrecedence(rules, PATHS, depths).stream().map(DispatchRule::getId).toList();
    assertEquals(List.of(5L, 4L, 3L, 6L, 8L, 7L, 9L, 2L, 1L), listed);
    // Whichever rules match, the matcher takes the first of them in the list.
    List<DispatchRule> remaining = new ArrayList<>(rules);
    for (Long expected : listed) {
      assertEquals(expected, new DispatchRuleMatcher(remaining, PATHS).match(ATM_FAULT_AT_SUB_BRANCH).orElseThrow().getId());
      remaining.removeIf(r -> r.getId().equals(expected));
    }
  }

  static Facts facts(String branchPath) {
    return new Facts(TicketType.FAULT_REPORT, CARD_RETAINED_LINEAGE, branchPath, "STANDARD");
  }
}
