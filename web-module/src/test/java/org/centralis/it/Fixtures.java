package org.centralis.it;

import java.sql.SQLException;

/** Facts of the demo data the tests build on, read from the database rather than assumed. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Puts {@code queue} in night mode with a callback list until closed: a calendar without working hours
   * ({@code IT-NEVER}) and closed action CALLBACK; closing gives the queue back its demo settings (always open).
   */
  public static AutoCloseable nightWithCallbacks(String queue) throws SQLException {
    if (Db.scalar("SELECT COUNT(*) FROM BUSINESS_CALENDAR WHERE CODE = 'IT-NEVER'").equals("0")) {
      Db.update("INSERT INTO BUSINESS_CALENDAR (ID, CODE, NAME, TIME_ZONE, UPDATED_AT) VALUES (990, 'IT-NEVER', '测试：从不营业', 'Asia/Shanghai', CURRENT_TIMESTAMP)");
    }
    Db.update("UPDATE ACD_QUEUE SET CALENDAR_CODE = 'IT-NEVER', CLOSED_ACTION = 'CALLBACK' WHERE CODE = ?", queue);
    return () -> Db.update("UPDATE ACD_QUEUE SET CALENDAR_CODE = NULL, CLOSED_ACTION = 'VOICEMAIL' WHERE CODE = ?", queue);
  }

  /** The id of a customer in the branch subtree of the given staff login. */
  /** A customer of the login's branch subtree with no complaint yet: a complaint for them is no repeat (not raised). */
  public static long firstTimeComplainantOf(String login) throws SQLException {
    return Long.parseLong(
        Db.scalar(
            "SELECT MIN(C.ID) FROM CUSTOMER C, STAFF S, BRANCH B WHERE S.LOGIN = ? AND B.ID = S.BRANCH_ID AND C.BRANCH_PATH LIKE B.PATH || '%'"
                + " AND NOT EXISTS (SELECT 1 FROM TICKET T WHERE T.CUSTOMER_ID = C.ID AND T.TICKET_TYPE = 'COMPLAINT')",
            login));
  }

  public static long customerOf(String login) throws SQLException {
    return Long.parseLong(
        Db.scalar(
            "SELECT C.ID FROM CUSTOMER C, STAFF S, BRANCH B WHERE S.LOGIN = ? AND B.ID = S.BRANCH_ID"
                + " AND C.BRANCH_PATH LIKE B.PATH || '%' ORDER BY C.ID FETCH FIRST 1 ROWS ONLY",
            login));
  }

  public static String phoneOf(long customerId) throws SQLException {
    return Db.scalar("SELECT PHONE FROM CUSTOMER WHERE ID = ?", customerId);
  }

  /** A complaint about a fee, as branch staff log it at the counter. */
  public static String complaint(long customerId, String subject) {
    return "{\"type\":\"COMPLAINT\",\"categoryId\":32,\"priority\":\"HIGH\",\"channel\":\"BRANCH_COUNTER\","
        + "\"subject\":\"" + subject + "\",\"description\":\"客户反映信用卡年费被重复扣收，要求退还\",\"customerId\":" + customerId
        + ",\"complaint\":{\"severity\":\"MAJOR\",\"taxonomyId\":21,\"amount\":300.00,\"currency\":\"CNY\"}}";
  }

  /** Records root cause (人员原因/业务技能不足) and corrective action, which a complaint needs before RESOLVED. */
  public static Api.Reply recordComplaintResolution(Api api, String user, String number) {
    return api.put(user, "/api/complaints/" + number + "/resolution", "{\"rootCauseId\":101,\"correctiveAction\":\"退还重复扣收的年费并培训柜员\"}");
  }

  /** The id of the ticket's open return visit, as agent1 sees it; -1 if there is none. */
  public static long openReturnVisit(Api api, String number) {
    var items = api.get("agent1", "/api/return-visits?ticket=" + number).json().getJsonArray("items");
    return items.isEmpty() ? -1 : items.getJsonObject(0).getJsonNumber("id").longValue();
  }

  /** agent1 reaches the customer of the ticket's open return visit, who gives this CSAT. */
  public static Api.Reply recordReturnVisit(Api api, String number, int csat) {
    return api.post("agent1", "/api/return-visits/" + openReturnVisit(api, number) + "/outcome", "{\"reached\":true,\"csat\":" + csat + ",\"comment\":\"回访\"}");
  }
}
