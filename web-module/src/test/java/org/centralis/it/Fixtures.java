package org.centralis.it;

import java.sql.SQLException;

/** Facts of the demo data the tests build on, read from the database rather than assumed. */
public final class Fixtures {

  private Fixtures() {}

  /** The id of a customer in the branch subtree of the given staff login. */
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
        + "\"subject\":\"" + subject + "\",\"description\":\"客户反映信用卡年费被重复扣收，要求退还\",\"customerId\":" + customerId + "}";
  }
}
