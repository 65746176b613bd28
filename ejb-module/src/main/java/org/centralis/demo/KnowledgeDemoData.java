package org.centralis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.centralis.knowledge.domain.Tokenizer;

/**
 * The demo knowledge base: about thirty articles a bank-and-telecom service center would keep (挂失,
 * 密码重置, 转账限额, 信用卡分期, 话费查询, 宽带故障 …), most in Chinese, some in English, one draft
 * and one archived. Written with JDBC inside the demo load's transaction, index rows included, exactly
 * as the knowledge service would write them (version 1 by admin1).
 */
public final class KnowledgeDemoData {

  private KnowledgeDemoData() {}

  /** One demo article: category code (or null), language, visibility, status, title, tags, body. */
  record Def(String category, String lang, String visibility, String status, String title, String tags, String body) {}

  static final List<Def> ARTICLES = List.of(
      new Def("BIZ-CARD-LOSS", "zh_CN", "PUBLIC", "PUBLISHED", "借记卡挂失办理流程", "挂失,借记卡,补卡",
          "客户来电要求挂失借记卡时：1. 通过姓名、证件号码后四位和预留手机号核实身份；2. 确认卡号后立即办理口头挂失，口头挂失有效期5天；"
              + "3. 提醒客户5天内携带本人有效身份证件到任一网点办理书面挂失和补卡，补卡工本费10元；4. 挂失后该卡的取现、消费和转账全部停止。"
              + "如客户怀疑被盗刷，同时建议报警并保留交易短信。"),
      new Def("BIZ-CARD-LOSS", "zh_CN", "PUBLIC", "PUBLISHED", "信用卡挂失与盗刷处理", "挂失,信用卡,盗刷,失卡保障",
          "信用卡遗失或被盗：座席核实身份后在系统中执行“挂失换卡”，新卡7个工作日内寄送到账单地址。挂失前72小时内的盗刷交易可申请失卡保障，"
              + "需在挂失后10日内提交报案回执和盗刷交易说明。提醒客户挂失后原卡的自动还款和绑定的快捷支付需重新设置。"),
      new Def("BIZ-CARD-LOSS", "zh_CN", "INTERNAL", "PUBLISHED", "挂失解除（解挂）操作规范", "挂失,解挂,内部",
          "客户找回卡片要求解除挂失：口头挂失可由客户本人致电解除，需完成全部身份核实项；书面挂失只能由本人持证到网点办理。"
              + "解挂前须查询挂失期间是否有可疑交易记录，如有，先按可疑交易流程上报，不得直接解挂。"),
      new Def("BIZ-INFO", "zh_CN", "PUBLIC", "PUBLISHED", "网上银行登录密码重置", "密码重置,网上银行,登录密码",
          "客户忘记网上银行登录密码：可在网上银行登录页点击“忘记密码”，通过手机验证码、证件号码和银行卡交易密码自助重置。"
              + "连续输错5次密码将锁定24小时，锁定后可通过手机银行或网点解锁。座席不得在电话中询问或记录客户的任何密码。"),
      new Def("BIZ-INFO", "zh_CN", "PUBLIC", "PUBLISHED", "银行卡交易密码重置", "密码重置,交易密码,银行卡",
          "交易密码（取款密码）遗忘需本人持有效身份证件和银行卡到网点办理密码重置，部分客户可在手机银行通过人脸识别在线重置。"
              + "电话渠道不能重置交易密码。重置后新密码即时生效，原有的定期转账和代扣业务不受影响。"),
      new Def("BIZ-INFO", "zh_CN", "INTERNAL", "PUBLISHED", "客户身份核实（电话渠道）标准", "身份核实,内部,合规",
          "办理挂失、密码重置、信息变更等敏感业务前，座席必须完成三要素核实：客户姓名、证件号码后四位、预留手机号。"
              + "三要素任一不符，不得办理，可引导客户到网点。核实过程中只能询问，不得向客户读出系统中的任何完整证件号、卡号或手机号。"),
      new Def("BIZ-INFO", "zh_CN", "PUBLIC", "PUBLISHED", "预留手机号变更", "手机号变更,信息变更",
          "预留手机号用于接收动账通知和验证码。变更方式：手机银行“安全中心—修改预留手机号”（需原手机号验证码），"
              + "原手机号已停用的客户须本人持证到网点办理。变更后24小时内大额转账将受到限制。"),
      new Def("BIZ-LIMIT", "zh_CN", "PUBLIC", "PUBLISHED", "手机银行转账限额说明", "转账限额,手机银行,额度",
          "手机银行默认转账限额：使用短信验证码单笔5万元、日累计20万元；使用U盾或数字证书单笔50万元、日累计100万元。"
              + "客户可在手机银行“转账设置”中调低限额，调高限额需在网点办理并完成风险评估。跨行转账实时到账，超过5万元的跨行转账可能转为普通到账。"),
      new Def("BIZ-LIMIT", "zh_CN", "PUBLIC", "PUBLISHED", "信用卡临时额度调整", "额度调整,临时额度,信用卡",
          "持卡人可通过客服热线或信用卡App申请临时额度，有效期最长90天，到期自动恢复原额度。临时额度部分需在到期日一次性还清，"
              + "不能办理分期。近6个月有逾期记录的客户不能申请。"),
      new Def("CON-LOAN", "zh_CN", "PUBLIC", "PUBLISHED", "信用卡账单分期业务介绍", "信用卡分期,账单分期,手续费",
          "信用卡账单分期：出账后到到期还款日前均可申请，可选3、6、12、24期，每期手续费率分别为0.75%、0.70%、0.66%、0.65%。"
              + "分期后每月还款额为本金加当期手续费。提前还清剩余本金需一次性收取剩余全部手续费。分期金额不低于500元。"),
      new Def("CON-LOAN", "zh_CN", "PUBLIC", "PUBLISHED", "信用卡单笔消费分期", "信用卡分期,消费分期",
          "单笔消费满1000元可在入账后、账单日前申请消费分期。办理渠道：信用卡App、客服热线。分期手续费按月收取，"
              + "分期成功后对应额度按未还本金占用。取现和已分期交易不能再分期。"),
      new Def("CON-LOAN", "zh_CN", "PUBLIC", "PUBLISHED", "个人住房贷款提前还款", "提前还款,房贷",
          "个人住房贷款提前还款需提前5个工作日通过手机银行或网点预约，可选部分提前还款（最低1万元）或全部结清。"
              + "贷款发放满一年后提前还款不收违约金；未满一年按提前还款本金的1%收取。还款后可选择缩短期限或减少月供。"),
      new Def("INQ-CARD", "zh_CN", "PUBLIC", "PUBLISHED", "信用卡账单查询与账单日修改", "账单查询,账单日",
          "信用卡账单可通过信用卡App、微信公众号和客服热线查询，电子账单在账单日后1个工作日发送。"
              + "每年可修改一次账单日，修改后下个账单周期生效，有分期或逾期的账户不能修改。"),
      new Def("INQ-TXN", "zh_CN", "PUBLIC", "PUBLISHED", "交易明细查询与流水打印", "交易明细,流水打印,余额查询",
          "近两年交易明细可在手机银行查询和导出；两年以上或需加盖业务章的流水须本人到网点打印。"
              + "用于签证、贷款的流水证明可在网点当日办理。"),
      new Def("INQ-BALANCE", "zh_CN", "PUBLIC", "PUBLISHED", "账户余额查询渠道", "余额查询,手机银行,短信",
          "余额查询渠道：手机银行首页、短信查询（发送“YE”加卡号后四位至95588）、自助终端、客服热线自助语音。"
              + "余额与可用余额不一致时，通常是存在冻结或在途交易。"),
      new Def("FLT-ATM", "zh_CN", "PUBLIC", "PUBLISHED", "ATM吞卡处理", "ATM,吞卡,故障",
          "ATM吞卡：客户须在吞卡后3个工作日内持本人有效身份证件到ATM所属网点领卡。非本行ATM吞卡需联系该行。"
              + "座席记录ATM编号、地点和时间后登记故障工单，派给运营支持组。"),
      new Def("FLT-ATM", "zh_CN", "PUBLIC", "PUBLISHED", "ATM取款未出钞但已扣款", "ATM,差错,未出钞,扣款",
          "取款未吐钞但账户已扣款：多数情况下系统会在24小时内自动冲正。超过24小时未退回的，座席登记差错处理工单，"
              + "注明交易时间、金额、ATM编号，处理时限为7个工作日。"),
      new Def("FLT-MOBILE", "zh_CN", "PUBLIC", "PUBLISHED", "手机银行无法登录排查", "手机银行,无法登录,故障",
          "手机银行无法登录：1. 确认App为最新版本；2. 检查网络和系统时间；3. 清除缓存或重新安装；4. 确认未被锁定（连续输错密码）。"
              + "仍不能登录的，登记故障工单并注明手机型号、系统版本和错误提示截图。"),
      new Def("FLT-POS", "zh_CN", "INTERNAL", "PUBLISHED", "商户POS机故障报修", "POS,商户,故障",
          "商户POS机报修：核实商户号和终端号，确认故障现象（无法联网、无法打印、刷卡失败）。联网类故障先指导重启和检查SIM卡；"
              + "硬件故障派单至运营支持组，城区24小时内上门，郊区48小时内。"),
      new Def("CMP-FEE", "zh_CN", "INTERNAL", "PUBLISHED", "收费争议投诉处理要点", "投诉,收费争议,年费,退费",
          "收费类投诉（年费、短信费、账户管理费）：先查询收费依据和客户是否满足减免条件；符合减免条件的当场登记退费；"
              + "不符合的向客户解释收费标准并记录客户诉求。投诉须在15个自然日内答复，逾期视为监管超时。"),
      new Def("CMP-SERVICE", "zh_CN", "INTERNAL", "PUBLISHED", "客户情绪安抚话术", "投诉,话术,情绪安抚",
          "面对情绪激动的客户：先致歉并表示理解，不打断、不争辩；复述客户诉求以确认理解；明确告知处理时限和回访方式。"
              + "避免使用“不可能”“这是规定”等表述。客户要求升级时，按投诉升级流程转班长席。"),
      new Def("CON-DEPOSIT", "zh_CN", "PUBLIC", "PUBLISHED", "大额存单产品说明", "大额存单,存款,利率",
          "大额存单起存金额20万元，期限有1个月至5年多档，可提前支取（按活期利率计息）和转让。"
              + "利率以办理当日挂牌利率为准，存款受存款保险制度保护。"),
      new Def("CON-WEALTH", "zh_CN", "PUBLIC", "PUBLISHED", "理财产品风险等级与适当性", "理财,风险评估,适当性",
          "购买理财产品前须完成风险承受能力评估，评估结果有效期一年。客户只能购买不高于自身风险等级的产品。"
              + "座席不得承诺理财收益，不得代客户完成风险评估问卷。"),
      new Def(null, "zh_CN", "PUBLIC", "PUBLISHED", "话费查询与账单说明", "话费查询,话费,账单",
          "话费查询：发送短信“HF”至10086、拨打客服热线自助查询或在营业厅App查看实时话费。月账单在每月3日后生成，"
              + "包含套餐费、超出套餐的语音和流量费、增值业务费。对增值业务费有疑问的，可查询订购记录并申请退订。"),
      new Def(null, "zh_CN", "PUBLIC", "PUBLISHED", "宽带故障报修流程", "宽带故障,报修,光猫",
          "宽带无法上网：1. 请客户检查光猫指示灯，LOS灯红色闪烁为光纤中断；2. 重启光猫和路由器；3. 检查是否欠费停机。"
              + "仍无法恢复的登记宽带故障工单，装维人员城区24小时内上门，故障期间可申请减免月租。"),
      new Def(null, "zh_CN", "PUBLIC", "PUBLISHED", "手机停机与复机", "停机,复机,欠费",
          "欠费停机的号码在缴清欠费后2小时内自动复机。主动报停的号码最长可停机3个月，期间收取保号费。"
              + "号码被用于诈骗被关停的，须本人持证到营业厅核验后办理复机。"),
      new Def(null, "zh_CN", "PUBLIC", "PUBLISHED", "5G套餐变更规则", "5G,套餐变更,资费",
          "套餐变更当月申请、次月生效；升级套餐可选择立即生效，按天折算费用。合约期内的套餐不能降档。"
              + "变更前请向客户说明新套餐的流量、语音和合约条件。"),
      new Def("BIZ-CARD-LOSS", "en", "PUBLIC", "PUBLISHED", "Reporting a lost or stolen card", "lost card,stolen,block",
          "When a customer reports a lost or stolen card, verify the caller's identity (name, last four digits of the ID document,"
              + " registered mobile number), then block the card immediately. A verbal block lasts five days; the customer must"
              + " visit any branch with a valid ID to make it permanent and order a replacement card (fee CNY 10)."),
      new Def("BIZ-INFO", "en", "PUBLIC", "PUBLISHED", "Resetting the online banking password", "password,reset,online banking",
          "Customers who forgot their online banking password can reset it themselves: choose \"Forgot password\" on the login"
              + " page and confirm with an SMS code, their ID number and the card PIN. After five wrong attempts the login is"
              + " locked for 24 hours. Agents never ask for or note down a customer's password."),
      new Def("BIZ-LIMIT", "en", "PUBLIC", "PUBLISHED", "Transfer limits in mobile banking", "transfer limit,mobile banking",
          "Default transfer limits: CNY 50,000 per transfer and CNY 200,000 per day with SMS verification; CNY 500,000 per"
              + " transfer and CNY 1,000,000 per day with a USB key. Customers can lower limits in the app; raising them requires"
              + " a branch visit and a risk assessment."),
      new Def("CON-LOAN", "en", "INTERNAL", "PUBLISHED", "Credit card instalments: fees and rules", "instalment,credit card,fee",
          "Statement instalments are available from the statement date until the payment due date, in 3, 6, 12 or 24 monthly"
              + " instalments. Monthly fee rates: 0.75%, 0.70%, 0.66%, 0.65%. Early settlement charges the remaining fees."),
      new Def("CON-DEPOSIT", "zh_CN", "INTERNAL", "DRAFT", "数字人民币钱包开通（草稿）", "数字人民币,钱包",
          "数字人民币钱包开通流程正在与运营管理部确认，发布前请勿对客户使用。"),
      new Def("FLT-MOBILE", "zh_CN", "PUBLIC", "ARCHIVED", "旧版手机银行停用通知", "旧版,手机银行,停用",
          "旧版手机银行已于2024年6月停止服务，请客户下载新版App。本文已归档。"));

  /** Writes the articles, their first versions and their index rows; answers how many. */
  public static int write(Connection c, Instant now) throws SQLException {
    Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
    try (PreparedStatement article = c.prepareStatement(
            "INSERT INTO KB_ARTICLE (ID, TITLE, BODY, TAGS, CATEGORY_ID, LANGUAGE, VISIBILITY, STATUS, CURRENT_VERSION_NO, USE_COUNT,"
                + " CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 'admin1', ?, 'admin1', ?)");
        PreparedStatement version = c.prepareStatement(
            "INSERT INTO KB_ARTICLE_VERSION (ID, ARTICLE_ID, VERSION_NO, TITLE, BODY, TAGS, CATEGORY_ID, LANGUAGE, VISIBILITY, STATUS,"
                + " CHANGED_FIELDS, CHANGE_NOTE, EDITED_BY, EDITED_AT) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'created', '演示数据', 'admin1', ?)");
        PreparedStatement token = c.prepareStatement(
            "INSERT INTO KB_TOKEN (TOKEN, ARTICLE_ID, WEIGHT, STATUS, LANGUAGE, VISIBILITY, CATEGORY_ID) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Def d : ARTICLES) {
        long id = next(c, "KB_ARTICLE_SEQ");
        Long category = d.category() == null ? null : categoryId(c, d.category());
        article.setLong(1, id);
        article.setString(2, d.title());
        article.setString(3, d.body());
        article.setString(4, d.tags());
        article.setObject(5, category);
        article.setString(6, d.lang());
        article.setString(7, d.visibility());
        article.setString(8, d.status());
        article.setTimestamp(9, at);
        article.setTimestamp(10, at);
        article.executeUpdate();
        version.setLong(1, next(c, "KB_ARTICLE_VERSION_SEQ"));
        version.setLong(2, id);
        version.setString(3, d.title());
        version.setString(4, d.body());
        version.setString(5, d.tags());
        version.setObject(6, category);
        version.setString(7, d.lang());
        version.setString(8, d.visibility());
        version.setString(9, d.status());
        version.setTimestamp(10, at);
        version.executeUpdate();
        for (Map.Entry<String, Integer> e : Tokenizer.weighted(d.title(), d.tags(), d.body()).entrySet()) {
          token.setString(1, e.getKey());
          token.setLong(2, id);
          token.setInt(3, e.getValue());
          token.setString(4, d.status());
          token.setString(5, d.lang());
          token.setString(6, d.visibility());
          token.setObject(7, category);
          token.addBatch();
        }
        token.executeBatch();
      }
    }
    return ARTICLES.size();
  }

  private static long next(Connection c, String sequence) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT " + sequence + ".NEXTVAL FROM DUAL"); ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Long categoryId(Connection c, String code) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT ID FROM TICKET_CATEGORY WHERE CODE = ?")) {
      q.setString(1, code);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
