package org.centralis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The demo data set of the embedded default: a small Chinese bank (HQ, 2 regions, 6 city branches,
 * 14 outlets), its departments, teams, staff and agents, 10,000 customers with their accounts, the
 * dispatch rules and about 3,000 historical tickets of the last {@value #HISTORY_DAYS} days with
 * their timelines.
 *
 * <p>Plain JDBC with batch inserts, no JPA: the whole set is written in a few seconds. It neither
 * commits nor changes the auto-commit mode: the caller owns the transaction (a JTA transaction in
 * the server, a local one in tests). Every id comes from the table's sequence ({@code NEXTVAL});
 * since JPA pre-allocates the range below each value it draws, values drawn here never collide with
 * ids JPA hands out later.
 *
 * <p>Deterministic: the same {@code seed} and {@code now} give the same data (names, numbers,
 * times, statuses); only the surrogate ids depend on the sequences' state.
 *
 * <p>Tickets are assigned to teams by the dispatch rules written here, choosing the most specific
 * matching rule: a rule naming a category beats one naming only a ticket type, which beats one
 * naming only a branch (a deeper branch beats a shallower one), which beats one naming only a
 * customer tier; the catch-all rule (all criteria empty) matches last. Ties go to the lower id.
 */
public final class DemoDataSet {

  /** What was written. {@code staff} includes the agents. */
  public record Summary(int branches, int staff, int customers, int tickets) {}

  /** The password of every demo login. */
  public static final String DEMO_PASSWORD = "centralis";

  public static final int CUSTOMER_COUNT = 10_000;
  public static final int AGENT_COUNT = 30;
  public static final int HISTORY_DAYS = 90;
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final Logger LOG = Logger.getLogger(DemoDataSet.class.getName());
  private static final int BATCH_SIZE = 500;
  private static final String SYSTEM_ACTOR = "system";
  private static final String EMAIL_DOMAIN = "@bank.example";
  private static final DateTimeFormatter TICKET_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("M月d日");

  // ---------------------------------------------------------------- organization (reference)

  private record OutletDef(String key, String name, String nameEn, String districtCode, int weight) {}

  private record CityDef(String key, String name, String nameEn, String region, List<OutletDef> outlets) {}

  private static final List<CityDef> CITIES = List.of(
      new CityDef("SH", "上海分行", "Shanghai Branch", "EAST", List.of(
          new OutletDef("LJZ", "上海陆家嘴支行", "Shanghai Lujiazui Sub-branch", "310115", 10),
          new OutletDef("XH", "上海徐汇支行", "Shanghai Xuhui Sub-branch", "310104", 9),
          new OutletDef("JA", "上海静安支行", "Shanghai Jing'an Sub-branch", "310106", 8))),
      new CityDef("HZ", "杭州分行", "Hangzhou Branch", "EAST", List.of(
          new OutletDef("XH", "杭州西湖支行", "Hangzhou West Lake Sub-branch", "330106", 6),
          new OutletDef("BJ", "杭州滨江支行", "Hangzhou Binjiang Sub-branch", "330108", 5))),
      new CityDef("NJ", "南京分行", "Nanjing Branch", "EAST", List.of(
          new OutletDef("GL", "南京鼓楼支行", "Nanjing Gulou Sub-branch", "320106", 6),
          new OutletDef("XJK", "南京新街口支行", "Nanjing Xinjiekou Sub-branch", "320102", 5))),
      new CityDef("BJ", "北京分行", "Beijing Branch", "NORTH", List.of(
          new OutletDef("CY", "北京朝阳支行", "Beijing Chaoyang Sub-branch", "110105", 10),
          new OutletDef("HD", "北京海淀支行", "Beijing Haidian Sub-branch", "110108", 9),
          new OutletDef("XC", "北京西城支行", "Beijing Xicheng Sub-branch", "110102", 7))),
      new CityDef("TJ", "天津分行", "Tianjin Branch", "NORTH", List.of(
          new OutletDef("HP", "天津和平支行", "Tianjin Heping Sub-branch", "120101", 6),
          new OutletDef("BH", "天津滨海新区支行", "Tianjin Binhai New Area Sub-branch", "120116", 5))),
      new CityDef("JN", "济南分行", "Jinan Branch", "NORTH", List.of(
          new OutletDef("LX", "济南历下支行", "Jinan Lixia Sub-branch", "370102", 5),
          new OutletDef("SZ", "济南市中支行", "Jinan Shizhong Sub-branch", "370103", 4))));

  /** Birthplaces of customers who moved to the bank's cities (resident-ID region codes). */
  private static final String[] OTHER_DISTRICTS = {
    "340102", "410105", "510104", "420106", "430102", "130102", "320583", "330282", "370202",
    "350203", "440106", "210102", "360102", "450103", "610113", "140105"
  };

  private record DeptDef(String code, String name, String nameEn, List<String[]> teams) {}

  /** HQ departments; each team is {code, name, nameEn}. */
  private static final List<DeptDef> HQ_DEPARTMENTS = List.of(
      new DeptDef("HQ-RETAIL", "个人金融部", "Retail Banking Department", List.<String[]>of(
          new String[] {"HQ-RETAIL-SVC", "个人业务服务组", "Retail Service Team"},
          new String[] {"HQ-PRIVATE", "私人银行服务组", "Private Banking Service Team"})),
      new DeptDef("HQ-CARD", "信用卡中心", "Credit Card Center", List.<String[]>of(
          new String[] {"HQ-CARD-DISPUTE", "信用卡争议处理组", "Card Dispute Team"},
          new String[] {"HQ-CARD-SVC", "信用卡客户服务组", "Card Customer Service Team"})),
      new DeptDef("HQ-CP", "消费者权益保护部", "Consumer Protection Department", List.<String[]>of(
          new String[] {"HQ-COMPLAINT", "投诉处理组", "Complaint Handling Team"})),
      new DeptDef("HQ-OPS", "运营管理部", "Operations Management Department", List.<String[]>of(
          new String[] {"HQ-OPS-SUPPORT", "运营支持组", "Operations Support Team"})),
      new DeptDef("HQ-IT", "科技部", "Information Technology Department", List.<String[]>of(
          new String[] {"HQ-ECHANNEL", "电子渠道支持组", "E-Channel Support Team"})),
      new DeptDef("HQ-CSC", "客户服务中心", "Customer Service Center", List.<String[]>of(
          new String[] {"HQ-CC1", "呼叫中心一组", "Call Center Team 1"},
          new String[] {"HQ-CC2", "呼叫中心二组", "Call Center Team 2"})));

  /** HQ team members who are not agents: {login, team code}. */
  private static final String[][] HQ_TEAM_MEMBERS = {
    {"retail1", "HQ-RETAIL-SVC"}, {"retail2", "HQ-RETAIL-SVC"}, {"pb1", "HQ-PRIVATE"},
    {"cards1", "HQ-CARD-DISPUTE"}, {"cards2", "HQ-CARD-DISPUTE"},
    {"cards3", "HQ-CARD-SVC"}, {"cards4", "HQ-CARD-SVC"},
    {"care1", "HQ-COMPLAINT"}, {"care2", "HQ-COMPLAINT"}, {"care3", "HQ-COMPLAINT"},
    {"ops1", "HQ-OPS-SUPPORT"}, {"it1", "HQ-ECHANNEL"}, {"it2", "HQ-ECHANNEL"}
  };

  // ---------------------------------------------------------------- names

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
          + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "慕容"};
  private static final String MALE_CHARS =
      "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰"
          + "涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政"
          + "谦奇翰朗宏鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士建家致树德行泰盛雄琛钧冠策腾楠风航弘";
  private static final String FEMALE_CHARS =
      "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱霞香月媛艳瑞佳嘉琼珍莉"
          + "桂叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚婕馨韵园艺卿聪澜纯悦昭冰爽茗"
          + "羽希欣滢筠柔竹凝晓欢枫芸菲伊宜可舒思丽";
  private static final String[] COMPANY_WORDS = {
    "恒信", "华盛", "鑫达", "宏远", "永泰", "金诚", "瑞丰", "同创", "博远", "中联", "天成", "佳禾", "德润",
    "嘉和", "盛世", "新锐", "汇通", "海纳", "泰和", "润达", "明远", "安达", "源丰", "广益", "长青"
  };
  private static final String[] COMPANY_TRADES = {
    "贸易", "科技", "实业", "物流", "建材", "餐饮管理", "信息技术", "电子", "服饰", "医疗器械", "文化传媒",
    "建筑工程", "食品", "机械设备", "商贸", "供应链管理", "环保科技", "印务"
  };
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"
  };

  // ---------------------------------------------------------------- tickets (reference)

  private record CategoryDef(long id, String code, String type, String name, int weight) {}

  /** The leaf categories of the reference data (V5) that demo tickets use, with their frequency. */
  private static final List<CategoryDef> CATEGORIES = List.of(
      new CategoryDef(2, "INQ-BALANCE", "INQUIRY", "账户余额查询", 6),
      new CategoryDef(3, "INQ-TXN", "INQUIRY", "交易明细查询", 9),
      new CategoryDef(4, "INQ-CARD", "INQUIRY", "信用卡账单查询", 8),
      new CategoryDef(11, "CON-DEPOSIT", "CONSULTATION", "存款产品咨询", 5),
      new CategoryDef(12, "CON-LOAN", "CONSULTATION", "贷款咨询", 5),
      new CategoryDef(13, "CON-WEALTH", "CONSULTATION", "理财产品咨询", 5),
      new CategoryDef(21, "BIZ-CARD-LOSS", "BUSINESS_REQUEST", "挂失补卡", 8),
      new CategoryDef(22, "BIZ-LIMIT", "BUSINESS_REQUEST", "额度调整", 6),
      new CategoryDef(23, "BIZ-INFO", "BUSINESS_REQUEST", "客户信息变更", 6),
      new CategoryDef(31, "CMP-SERVICE", "COMPLAINT", "服务态度投诉", 4),
      new CategoryDef(32, "CMP-FEE", "COMPLAINT", "收费争议", 5),
      new CategoryDef(33, "CMP-WAIT", "COMPLAINT", "排队等候时间", 3),
      new CategoryDef(34, "CMP-CARD", "COMPLAINT", "信用卡业务投诉", 5),
      new CategoryDef(41, "SUG-SERVICE", "SUGGESTION", "服务改进建议", 2),
      new CategoryDef(42, "SUG-PRODUCT", "SUGGESTION", "产品建议", 2),
      new CategoryDef(51, "FLT-ATM", "FAULT_REPORT", "ATM故障", 4),
      new CategoryDef(52, "FLT-MOBILE", "FAULT_REPORT", "手机银行故障", 5),
      new CategoryDef(53, "FLT-POS", "FAULT_REPORT", "POS机故障", 3));

  private static final long CAT_INQ_CARD = 4;
  private static final long CAT_BIZ_LIMIT = 22;
  private static final long CAT_CMP_CARD = 34;
  private static final long CAT_FLT_ATM = 51;
  private static final long CAT_FLT_MOBILE = 52;
  private static final long CAT_FLT_POS = 53;

  /**
   * Subjects and descriptions per category; placeholders: {amount}, {card4}, {date}, {outlet},
   * {place}.
   */
  private static final Map<Long, String[][]> TEXTS = Map.ofEntries(
      Map.entry(2L, new String[][] {
        {"客户查询账户余额与记录不符", "客户反映手机银行显示的活期账户余额与其个人记录不一致，相差{amount}元，请求核实账户余额。"},
        {"客户查询定期存款到期转存后余额", "客户来电查询尾号{card4}账户定期存款到期自动转存后的余额及利息金额。"},
        {"客户查询账户部分资金冻结原因", "客户反映账户内{amount}元显示为冻结状态，询问可用余额及冻结原因。"}}),
      Map.entry(3L, new String[][] {
        {"客户查询一笔不明消费交易", "客户发现尾号{card4}的借记卡于{date}有一笔{amount}元的消费记录，本人不记得有此交易，要求查询交易详情。"},
        {"客户申请开具近半年交易流水", "客户因办理签证需要，申请开具近六个月的账户交易明细并加盖业务专用章。"},
        {"客户查询跨行转账未到账", "客户于{date}通过手机银行向他行账户转账{amount}元，收款方反映尚未到账，请求查询交易状态。"}}),
      Map.entry(4L, new String[][] {
        {"客户对信用卡本期账单金额有疑问", "客户对尾号{card4}信用卡本期账单金额有疑问，要求核对账单明细及最低还款额。"},
        {"客户查询信用卡分期手续费", "客户咨询账单分期手续费的计算方式，并查询已办理分期的剩余期数及金额。"},
        {"客户未收到信用卡电子账单", "客户反映连续两个月未收到尾号{card4}信用卡的电子账单，要求核实账单邮箱并重新发送。"}}),
      Map.entry(11L, new String[][] {
        {"客户咨询大额存单利率", "客户咨询三年期大额存单的起存金额、执行利率及提前支取规则。"},
        {"客户咨询定期存款提前支取", "客户有一笔{amount}元的定期存款尚未到期，咨询提前支取的利息计算方式。"},
        {"客户咨询通知存款业务", "客户咨询七天通知存款的起存金额、利率及支取通知方式。"}}),
      Map.entry(12L, new String[][] {
        {"客户咨询个人住房贷款", "客户计划购买首套住房，咨询个人住房贷款的首付比例、贷款利率及所需材料。"},
        {"客户咨询房贷提前还款", "客户咨询房贷提前部分还款的办理流程、预约时间及是否收取违约金。"},
        {"客户咨询个人消费贷款额度", "客户咨询线上个人消费贷款的申请条件、最高额度及审批时效。"}}),
      Map.entry(13L, new String[][] {
        {"客户咨询理财产品到期收益", "客户购买的理财产品到期收益低于业绩比较基准，咨询原因及净值计算方式。"},
        {"客户咨询新发行理财产品", "客户咨询近期发行的稳健型理财产品的风险等级、期限及起购金额。"},
        {"客户咨询风险承受能力评估", "客户风险承受能力评估已过期，咨询重新评估的方式及对已购产品的影响。"}}),
      Map.entry(21L, new String[][] {
        {"客户借记卡遗失申请挂失补卡", "客户于{date}不慎遗失尾号{card4}的借记卡，已电话临时挂失，申请办理正式挂失并补办新卡。"},
        {"客户信用卡被盗申请挂失", "客户反映钱包被盗，尾号{card4}的信用卡一并丢失，申请立即挂失并补寄新卡。"},
        {"客户银行卡芯片损坏申请换卡", "客户尾号{card4}的借记卡芯片损坏，无法在ATM及POS机上使用，申请换卡。"}}),
      Map.entry(22L, new String[][] {
        {"客户申请提高信用卡固定额度", "客户因近期消费需求增加，申请将尾号{card4}信用卡的固定额度上调至{amount}元。"},
        {"客户申请信用卡临时额度", "客户计划出境旅游，申请将信用卡临时额度提升至{amount}元，有效期一个月。"},
        {"客户申请降低信用卡额度", "客户为控制个人消费，申请将尾号{card4}信用卡额度下调。"}}),
      Map.entry(23L, new String[][] {
        {"客户申请变更预留手机号码", "客户原手机号码已停用，申请变更账户预留手机号码。"},
        {"客户申请更新身份证件有效期", "客户身份证已换领，申请更新证件有效期信息，以免影响账户正常使用。"},
        {"客户申请变更通讯地址", "客户已搬迁新居，申请变更信用卡账单及对账单的通讯地址。"}}),
      Map.entry(31L, new String[][] {
        {"客户投诉柜员服务态度差", "客户反映在{outlet}办理业务时，柜员态度冷淡、解释不耐烦，要求网点道歉并改进服务。"},
        {"客户投诉客服热线推诿", "客户反映多次拨打客服热线，客服人员互相推诿，问题始终未得到解决，情绪激动。"},
        {"客户投诉大堂经理强行推销", "客户反映在{outlet}办理存款业务时被大堂经理反复推销保险产品，感到不满。"}}),
      Map.entry(32L, new String[][] {
        {"客户投诉信用卡年费被重复扣收", "客户反映信用卡年费被重复扣收，要求退还多扣的{amount}元。"},
        {"客户投诉小额账户管理费", "客户对借记卡被扣收小额账户管理费不认可，称开户时未被告知，要求退还费用。"},
        {"客户投诉跨行转账手续费", "客户反映手机银行跨行转账被收取手续费，与宣传的免费政策不符，要求退费。"}}),
      Map.entry(33L, new String[][] {
        {"客户投诉网点排队时间过长", "客户反映在{outlet}排队等候超过一个小时，仅开放两个窗口，要求增加服务窗口。"},
        {"客户投诉客服热线等待时间长", "客户反映拨打客服热线转人工服务需等待二十多分钟，要求改进。"}}),
      Map.entry(34L, new String[][] {
        {"客户投诉信用卡盗刷处理不及时", "客户反映尾号{card4}信用卡于{date}发生一笔{amount}元的异地盗刷，已报案，但银行迟迟未处理。"},
        {"客户投诉信用卡账单被擅自分期", "客户反映信用卡账单被办理分期，本人未同意，要求取消分期并退还手续费。"},
        {"客户投诉信用卡催收方式不当", "客户反映催收人员频繁致电其亲友，影响正常生活，要求规范催收行为。"},
        {"客户投诉信用卡积分被清零", "客户反映尾号{card4}信用卡积分未经通知被清零，要求恢复积分。"}}),
      Map.entry(41L, new String[][] {
        {"建议网点延长周末营业时间", "客户建议{outlet}周末延长营业时间，方便上班族办理业务。"},
        {"建议网点增设老年客户服务专窗", "客户建议网点为老年客户设立专门窗口，并配备老花镜、助听器等助老设施。"}}),
      Map.entry(42L, new String[][] {
        {"建议手机银行增加账单导出功能", "客户建议手机银行支持按月将交易明细导出为PDF文件。"},
        {"建议推出更多短期理财产品", "客户建议增加期限在三个月以内的低风险理财产品。"}}),
      Map.entry(51L, new String[][] {
        {"ATM吞卡", "客户在{place}的ATM取款时银行卡被吞，请求尽快取回卡片。"},
        {"ATM取款未出钞但账户已扣款", "客户于{date}在{place}的ATM取款{amount}元，机器未出钞但账户已扣款，要求核实并退款。"},
        {"ATM黑屏无法使用", "{place}的ATM屏幕黑屏，无法正常办理业务，请安排维修。"}}),
      Map.entry(52L, new String[][] {
        {"手机银行无法登录", "客户反映手机银行登录时提示“系统繁忙，请稍后再试”，多次尝试均无法登录。"},
        {"手机银行转账失败但余额减少", "客户通过手机银行转账时提示交易失败，但账户余额已减少{amount}元。"},
        {"手机银行收不到短信验证码", "客户反映手机银行交易时收不到短信验证码，无法完成支付。"}}),
      Map.entry(53L, new String[][] {
        {"商户POS机无法刷卡", "商户反映其POS机刷卡时提示“通讯失败”，影响正常经营，请求派人维修。"},
        {"商户POS结算款未到账", "商户反映{date}的POS结算款{amount}元尚未入账，请求核查。"}}));

  private static final Map<String, String[]> RESOLUTIONS = Map.of(
      "INQUIRY", new String[] {"已核实并向客户说明查询结果，客户表示认可。", "已将查询结果短信告知客户。"},
      "CONSULTATION", new String[] {"已详细解答客户咨询，并发送产品说明书。", "已由客户经理联系客户并解答。"},
      "BUSINESS_REQUEST", new String[] {"业务已办理完成，已短信通知客户。", "已按客户申请办理完毕。"},
      "COMPLAINT", new String[] {
        "经核实情况属实，已向客户致歉并按规定处理，客户表示接受。", "经核实系系统原因重复扣费，已退还相关费用。",
        "已对相关人员进行批评教育，并向客户致歉。", "经调查，银行处理符合规定，已向客户耐心解释，客户表示理解。"},
      "SUGGESTION", new String[] {"建议已转相关部门评估，已向客户致谢。", "已记录客户建议并纳入服务改进计划。"},
      "FAULT_REPORT", new String[] {"设备已修复，业务恢复正常。", "故障已排除，已通知客户。", "已完成差错处理，款项已退回客户账户。"});
  private static final String[] COMMENTS = {
    "已联系客户了解详细情况。", "已调取交易记录进行核实。", "已联系相关部门协助核查。", "已向客户告知处理进度。",
    "已与客户约定回电时间。"
  };
  private static final String[] CREATOR_COMMENTS = {"客户来电催办，已告知处理进度。", "客户补充说明了相关情况。"};
  private static final String[] PENDING_REASONS = {
    "等待客户提供身份证明材料。", "等待客户补充交易凭证。", "客户暂时无法接听电话，待再次联系。"
  };
  private static final String[] REJECT_REASONS = {
    "经核实为重复工单，已并入原工单处理。", "客户诉求不属于本行业务范围，已向客户解释。", "工单信息不全，无法受理。"
  };
  private static final String[] CANCEL_REASONS = {"客户来电撤销诉求。", "客户问题已自行解决，申请撤销。"};
  private static final String[] CLOSE_NOTES = {"客户确认问题已解决，工单关闭。", "回访客户，客户表示满意，工单关闭。"};

  private static final Map<String, String> CHANNEL_NAMES = Map.of(
      "BRANCH_COUNTER", "网点柜面", "PHONE", "客服电话", "WEB", "网上银行", "MOBILE_APP", "手机银行",
      "EMAIL", "电子邮件");

  // ---------------------------------------------------------------- in-memory model

  private static final class Node {
    final long id;
    final String code;
    final String name;
    final String kind;
    final Node parent;
    final String path;
    final int depth;
    final String districtCode;
    final int weight;
    Node city;
    final List<Node> children = new ArrayList<>();

    Node(long id, String code, String name, String kind, Node parent, String districtCode, int weight) {
      this.id = id;
      this.code = code;
      this.name = name;
      this.kind = kind;
      this.parent = parent;
      this.path = (parent == null ? "/" : parent.path) + id + "/";
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.districtCode = districtCode;
      this.weight = weight;
    }

    boolean within(Node ancestor) {
      return path.startsWith(ancestor.path);
    }
  }

  private record TeamRow(long id, String code, String name) {}

  private record StaffRow(long id, String login, Node branch, TeamRow team) {}

  private static final class CustomerRow {
    long id;
    String no;
    String kind;
    String name;
    String tier;
    Node outlet;
    String phone;
    String idType;
    String idNumber;
    String email;
    Instant createdAt;
    String debit4;
    String credit4;
    final List<AccountRow> accounts = new ArrayList<>();
  }

  private record AccountRow(String accountNo, String product, LocalDate openedOn) {}

  private record RuleRow(long id, String name, String type, Long categoryId, Node branch, String tier, TeamRow team) {
    boolean matches(String ticketType, long category, Node owning, String customerTier) {
      return (type == null || type.equals(ticketType))
          && (categoryId == null || categoryId == category)
          && (branch == null || owning.within(branch))
          && (tier == null || tier.equals(customerTier));
    }

    int specificity() {
      return (categoryId != null ? 1000 : 0) + (type != null ? 100 : 0)
          + (branch != null ? 10 * (1 + branch.depth) : 0) + (tier != null ? 1 : 0);
    }
  }

  private record Step(String kind, Instant at, String actor, String from, String to, Long teamId, String detail) {}

  // ---------------------------------------------------------------- state

  private final Connection c;
  private final UnaryOperator<String> passwordHasher;
  private final Instant now;
  private final long seed;
  private final Map<String, PreparedStatement> sequenceStatements = new HashMap<>();

  private final List<Node> branches = new ArrayList<>();
  private final List<Node> outlets = new ArrayList<>();
  private final Map<String, Node> branchByCode = new LinkedHashMap<>();
  private final Map<String, String> nameEn = new HashMap<>();
  private final Map<String, TeamRow> teamByCode = new LinkedHashMap<>();
  private final Map<Long, List<StaffRow>> membersByTeam = new HashMap<>();
  private final Map<Long, StaffRow> counterStaffByOutlet = new HashMap<>();
  private final List<StaffRow> staff = new ArrayList<>();
  private final List<StaffRow> agents = new ArrayList<>();
  private final List<CustomerRow> customers = new ArrayList<>();
  private final List<RuleRow> rules = new ArrayList<>();
  private int ticketCount;

  private DemoDataSet(Connection c, UnaryOperator<String> passwordHasher, Instant now, long seed) {
    this.c = c;
    this.passwordHasher = passwordHasher;
    this.now = now;
    this.seed = seed;
  }

  /**
   * Writes the demo data set into an empty schema (migrations V1–V5 applied). Neither commits nor
   * rolls back.
   *
   * @param passwordHasher turns the demo password into the stored PASSWORD_HASH; called once per user
   * @param now the instant the history ends at (tickets of the {@value #HISTORY_DAYS} days before it)
   * @param seed the random seed: the same seed and {@code now} give the same data
   */
  public static Summary write(Connection c, UnaryOperator<String> passwordHasher, Instant now, long seed)
      throws SQLException {
    Objects.requireNonNull(c, "connection");
    Objects.requireNonNull(passwordHasher, "passwordHasher");
    Objects.requireNonNull(now, "now");
    DemoDataSet set = new DemoDataSet(c, passwordHasher, now, seed);
    try {
      long t0 = System.nanoTime();
      set.writeOrganization();
      set.writeStaff();
      long t1 = System.nanoTime();
      set.writeCustomers();
      long t2 = System.nanoTime();
      set.writeDispatchRules();
      set.writeTickets();
      long t3 = System.nanoTime();
      LOG.fine(() -> String.format("demo data: organization and staff %d ms, customers %d ms, tickets %d ms",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
    } finally {
      set.closeSequenceStatements();
    }
    return new Summary(set.branches.size(), set.staff.size(), set.customers.size(), set.ticketCount);
  }

  // ---------------------------------------------------------------- organization

  private void writeOrganization() throws SQLException {
    Node hq = branch("HQ", "总行", "Head Office", "HEADQUARTERS", null, null, 0);
    Map<String, Node> regions = new LinkedHashMap<>();
    regions.put("EAST", branch("R-EAST", "华东区域", "East China Region", "REGION", hq, null, 0));
    regions.put("NORTH", branch("R-NORTH", "华北区域", "North China Region", "REGION", hq, null, 0));
    for (CityDef city : CITIES) {
      Node cityNode = branch("BR-" + city.key(), city.name(), city.nameEn(), "BRANCH",
          regions.get(city.region()), null, 0);
      cityNode.city = cityNode;
      for (OutletDef o : city.outlets()) {
        Node outlet = branch("OUT-" + city.key() + "-" + o.key(), o.name(), o.nameEn(), "OUTLET",
            cityNode, o.districtCode(), o.weight());
        outlet.city = cityNode;
        outlets.add(outlet);
      }
    }

    List<String[]> departments = new ArrayList<>(); // {id, code, name, nameEn, branchId}
    List<String[]> teams = new ArrayList<>(); // {id, code, name, nameEn, departmentId}
    for (DeptDef d : HQ_DEPARTMENTS) {
      long deptId = nextId("DEPARTMENT_SEQ");
      departments.add(new String[] {Long.toString(deptId), d.code(), d.name(), d.nameEn(), Long.toString(hq.id)});
      for (String[] t : d.teams()) {
        teams.add(team(t[0], t[1], t[2], deptId));
      }
    }
    for (CityDef city : CITIES) {
      Node cityNode = branchByCode.get("BR-" + city.key());
      String cityShort = city.name().substring(0, city.name().length() - 2);
      String cityEn = city.nameEn().replace(" Branch", "");
      long opsDept = nextId("DEPARTMENT_SEQ");
      departments.add(new String[] {Long.toString(opsDept), "BR-" + city.key() + "-OPS", city.name() + "运营部",
          cityEn + " Branch Operations Department", Long.toString(cityNode.id)});
      teams.add(team(city.key() + "-OPS", cityShort + "分行运营组", cityEn + " Branch Operations Team", opsDept));
      long retailDept = nextId("DEPARTMENT_SEQ");
      departments.add(new String[] {Long.toString(retailDept), "BR-" + city.key() + "-RETAIL",
          city.name() + "个人业务部", cityEn + " Branch Retail Banking Department", Long.toString(cityNode.id)});
      teams.add(team(city.key() + "-RETAIL", cityShort + "分行个人业务组", cityEn + " Branch Retail Team", retailDept));
    }

    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH, TIME_ZONE, ACTIVE, VERSION)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)")) {
      for (Node n : branches) {
        ps.setLong(1, n.id);
        ps.setString(2, n.code);
        ps.setString(3, n.name);
        ps.setString(4, nameEn.get(n.code));
        ps.setString(5, n.kind);
        if (n.parent == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, n.parent.id);
        }
        ps.setString(7, n.path);
        ps.setString(8, ZONE.getId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO DEPARTMENT (ID, CODE, NAME, NAME_EN, BRANCH_ID, VERSION) VALUES (?, ?, ?, ?, ?, 0)")) {
      for (String[] d : departments) {
        ps.setLong(1, Long.parseLong(d[0]));
        ps.setString(2, d[1]);
        ps.setString(3, d[2]);
        ps.setString(4, d[3]);
        ps.setLong(5, Long.parseLong(d[4]));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO TEAM (ID, CODE, NAME, NAME_EN, DEPARTMENT_ID, VERSION) VALUES (?, ?, ?, ?, ?, 0)")) {
      for (String[] t : teams) {
        ps.setLong(1, Long.parseLong(t[0]));
        ps.setString(2, t[1]);
        ps.setString(3, t[2]);
        ps.setString(4, t[3]);
        ps.setLong(5, Long.parseLong(t[4]));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private Node branch(String code, String name, String en, String kind, Node parent, String district, int weight)
      throws SQLException {
    Node n = new Node(nextId("BRANCH_SEQ"), code, name, kind, parent, district, weight);
    if (parent != null) {
      parent.children.add(n);
    }
    branches.add(n);
    branchByCode.put(code, n);
    nameEn.put(code, en);
    return n;
  }

  private String[] team(String code, String name, String en, long departmentId) throws SQLException {
    long id = nextId("TEAM_SEQ");
    teamByCode.put(code, new TeamRow(id, code, name));
    return new String[] {Long.toString(id), code, name, en, Long.toString(departmentId)};
  }

  // ---------------------------------------------------------------- staff

  private void writeStaff() throws SQLException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EED_0001L);
    Set<String> usedNames = new HashSet<>();
    Node hq = branchByCode.get("HQ");
    List<Object[]> rows = new ArrayList<>(); // {StaffRow, fullName, roles[]}

    // Counter staff: one per outlet; staff1 in Shanghai Lujiazui (East), staff2 in Beijing Chaoyang (North).
    List<Node> outletOrder = new ArrayList<>();
    outletOrder.add(branchByCode.get("OUT-SH-LJZ"));
    outletOrder.add(branchByCode.get("OUT-BJ-CY"));
    for (Node o : outlets) {
      if (!outletOrder.contains(o)) {
        outletOrder.add(o);
      }
    }
    int n = 1;
    for (Node o : outletOrder) {
      StaffRow s = addStaff(rows, "staff" + n++, uniqueName(r, usedNames), o, null, "BRANCH_STAFF");
      counterStaffByOutlet.put(o.id, s);
    }
    addStaff(rows, "hq1", uniqueName(r, usedNames), hq, null, "HQ_MANAGER");
    addStaff(rows, "audit1", uniqueName(r, usedNames), hq, null, "AUDITOR");
    addStaff(rows, "admin1", uniqueName(r, usedNames), hq, null, "ADMIN");
    addStaff(rows, "cti", "CTI系统接口", hq, null, "CTI");
    addStaff(rows, "super1", uniqueName(r, usedNames), hq, teamByCode.get("HQ-CC1"), "SUPERVISOR");
    addStaff(rows, "super2", uniqueName(r, usedNames), hq, teamByCode.get("HQ-CC2"), "SUPERVISOR");
    for (String[] m : HQ_TEAM_MEMBERS) {
      addStaff(rows, m[0], uniqueName(r, usedNames), hq, teamByCode.get(m[1]), "BRANCH_STAFF");
    }
    for (CityDef city : CITIES) {
      Node cityNode = branchByCode.get("BR-" + city.key());
      String k = city.key().toLowerCase();
      addStaff(rows, "ops-" + k + "1", uniqueName(r, usedNames), cityNode, teamByCode.get(city.key() + "-OPS"),
          "BRANCH_STAFF");
      addStaff(rows, "retail-" + k + "1", uniqueName(r, usedNames), cityNode,
          teamByCode.get(city.key() + "-RETAIL"), "BRANCH_STAFF");
    }
    for (int i = 1; i <= AGENT_COUNT; i++) {
      TeamRow team = teamByCode.get(i <= AGENT_COUNT / 2 ? "HQ-CC1" : "HQ-CC2");
      agents.add(addStaff(rows, "agent" + i, uniqueName(r, usedNames), hq, team, "AGENT"));
    }

    try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, TEAM_ID, EMAIL, LOCALE, PASSWORD_HASH, ACTIVE,"
                + " FAILED_LOGINS, CREATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, 'zh_CN', ?, 1, 0, ?, 0)");
        PreparedStatement roles = c.prepareStatement("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) VALUES (?, ?)")) {
      for (Object[] row : rows) {
        StaffRow s = (StaffRow) row[0];
        ps.setLong(1, s.id());
        ps.setString(2, s.login());
        ps.setString(3, (String) row[1]);
        ps.setLong(4, s.branch().id);
        if (s.team() == null) {
          ps.setNull(5, Types.BIGINT);
        } else {
          ps.setLong(5, s.team().id());
        }
        ps.setString(6, s.login() + EMAIL_DOMAIN);
        ps.setString(7, Objects.requireNonNull(passwordHasher.apply(DEMO_PASSWORD), "password hash"));
        ps.setObject(8, utc(now.minus(Duration.ofDays(HISTORY_DAYS + 10 + r.nextInt(1500)))));
        ps.addBatch();
        for (String role : (String[]) row[2]) {
          roles.setLong(1, s.id());
          roles.setString(2, role);
          roles.addBatch();
        }
      }
      ps.executeBatch();
      roles.executeBatch();
    }
  }

  private StaffRow addStaff(List<Object[]> rows, String login, String fullName, Node branch, TeamRow team,
      String... roles) throws SQLException {
    StaffRow s = new StaffRow(nextId("STAFF_SEQ"), login, branch, team);
    staff.add(s);
    if (team != null) {
      membersByTeam.computeIfAbsent(team.id(), k -> new ArrayList<>()).add(s);
    }
    rows.add(new Object[] {s, fullName, roles});
    return s;
  }

  private static String uniqueName(SplittableRandom r, Set<String> used) {
    while (true) {
      String name = personName(r, r.nextBoolean());
      if (used.add(name)) {
        return name;
      }
    }
  }

  private static String personName(SplittableRandom r, boolean male) {
    String surname;
    if (r.nextInt(200) == 0) {
      surname = COMPOUND_SURNAMES[r.nextInt(COMPOUND_SURNAMES.length)];
    } else {
      // Common surnames are far more frequent: rank-weighted pick.
      int len = SURNAMES.length();
      double u = r.nextDouble();
      int idx = (int) Math.floor(len * Math.pow(u, 2.2));
      surname = String.valueOf(SURNAMES.charAt(Math.min(idx, len - 1)));
    }
    String chars = male ? MALE_CHARS : FEMALE_CHARS;
    StringBuilder sb = new StringBuilder(surname);
    sb.append(chars.charAt(r.nextInt(chars.length())));
    if (r.nextInt(10) < 7) {
      sb.append(chars.charAt(r.nextInt(chars.length())));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- customers

  private void writeCustomers() throws SQLException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EED_0002L);
    Set<String> phones = new HashSet<>();
    Set<String> idNumbers = new HashSet<>();
    Set<String> accountNos = new HashSet<>();
    Set<String> companyNames = new HashSet<>();
    int[] outletWeights = outlets.stream().mapToInt(o -> o.weight).toArray();
    LocalDate today = LocalDate.ofInstant(now, ZONE);

    for (int i = 0; i < CUSTOMER_COUNT; i++) {
      CustomerRow cu = new CustomerRow();
      cu.id = nextId("CUSTOMER_SEQ");
      cu.no = String.format("C%09d", 10_001 + i);
      cu.outlet = outlets.get(pick(r, outletWeights));
      cu.kind = r.nextInt(100) < 5 ? "COMPANY" : "PERSON";
      String phone;
      do {
        phone = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + digits(r, 8);
      } while (!phones.add(phone));
      cu.phone = phone;
      long ageDays = 30 + r.nextLong(15L * 365);
      cu.createdAt = now.minus(Duration.ofDays(ageDays)).minus(Duration.ofMinutes(r.nextInt(24 * 60)));
      LocalDate since = LocalDate.ofInstant(cu.createdAt, ZONE);

      if (cu.kind.equals("PERSON")) {
        boolean male = r.nextBoolean();
        cu.name = personName(r, male);
        cu.tier = pickOf(r, new String[] {"STANDARD", "SILVER", "GOLD", "PLATINUM", "PRIVATE"},
            new int[] {70, 15, 10, 4, 1});
        cu.idType = "RESIDENT_ID";
        String id;
        do {
          String district = r.nextInt(100) < 75 ? cu.outlet.districtCode
              : OTHER_DISTRICTS[r.nextInt(OTHER_DISTRICTS.length)];
          int age = 18 + (int) Math.round(Math.abs(r.nextDouble() + r.nextDouble() - 1) * 30 + r.nextInt(30));
          LocalDate birth = today.minusYears(Math.min(age, 85)).minusDays(r.nextInt(365));
          int seq = r.nextInt(500) * 2 + (male ? 1 : 0);
          String body = district + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
          id = body + residentIdCheckDigit(body);
        } while (!idNumbers.add(id));
        cu.idNumber = id;
        if (r.nextInt(100) < 30) {
          cu.email = phone + "@example.com";
        }
        int accounts = pick(r, new int[] {40, 40, 20}) + 1;
        cu.accounts.add(newAccount(r, cu, r.nextInt(100) < 90 ? "DEBIT_CARD" : "DEPOSIT", since, today, accountNos));
        for (int a = 1; a < accounts; a++) {
          String product = pickOf(r, new String[] {"CREDIT_CARD", "DEPOSIT", "WEALTH", "LOAN", "DEBIT_CARD"},
              cu.tier.equals("PLATINUM") || cu.tier.equals("PRIVATE")
                  ? new int[] {35, 15, 40, 10, 0} : new int[] {50, 20, 12, 15, 3});
          cu.accounts.add(newAccount(r, cu, product, since, today, accountNos));
        }
      } else {
        String city = cu.outlet.city.name.substring(0, cu.outlet.city.name.length() - 2);
        String name;
        do {
          name = city + COMPANY_WORDS[r.nextInt(COMPANY_WORDS.length)]
              + COMPANY_TRADES[r.nextInt(COMPANY_TRADES.length)] + "有限公司";
        } while (!companyNames.add(name));
        cu.name = name;
        cu.tier = pickOf(r, new String[] {"STANDARD", "SILVER", "GOLD", "PLATINUM"}, new int[] {50, 25, 20, 5});
        cu.idType = "BUSINESS_LICENSE";
        String uscc;
        do {
          String org = digits(r, 8);
          String body = "91" + cu.outlet.districtCode + org + orgCodeCheck(org);
          uscc = body + unifiedCreditCodeCheck(body);
        } while (!idNumbers.add(uscc));
        cu.idNumber = uscc;
        if (r.nextInt(100) < 60) {
          cu.email = "finance" + (i + 1) + "@example.com";
        }
        cu.accounts.add(newAccount(r, cu, "DEPOSIT", since, today, accountNos));
        if (r.nextInt(100) < 40) {
          cu.accounts.add(newAccount(r, cu, "LOAN", since, today, accountNos));
        }
      }
      customers.add(cu);
    }

    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO CUSTOMER (ID, CUSTOMER_NO, KIND, NAME, TIER, BRANCH_ID, BRANCH_PATH, PHONE, ID_TYPE,"
            + " ID_NUMBER, EMAIL, LANGUAGE, CREATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'zh', ?, 0)")) {
      int pending = 0;
      for (CustomerRow cu : customers) {
        ps.setLong(1, cu.id);
        ps.setString(2, cu.no);
        ps.setString(3, cu.kind);
        ps.setString(4, cu.name);
        ps.setString(5, cu.tier);
        ps.setLong(6, cu.outlet.id);
        ps.setString(7, cu.outlet.path);
        ps.setString(8, cu.phone);
        ps.setString(9, cu.idType);
        ps.setString(10, cu.idNumber);
        setString(ps, 11, cu.email);
        ps.setObject(12, utc(cu.createdAt));
        ps.addBatch();
        pending = flushIfFull(ps, pending);
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO CUSTOMER_ACCOUNT (ID, CUSTOMER_ID, ACCOUNT_NO, PRODUCT, STATUS, OPENED_ON, VERSION)"
            + " VALUES (?, ?, ?, ?, 'ACTIVE', ?, 0)")) {
      int pending = 0;
      for (CustomerRow cu : customers) {
        for (AccountRow a : cu.accounts) {
          ps.setLong(1, nextId("CUSTOMER_ACCOUNT_SEQ"));
          ps.setLong(2, cu.id);
          ps.setString(3, a.accountNo());
          ps.setString(4, a.product());
          ps.setDate(5, java.sql.Date.valueOf(a.openedOn()));
          ps.addBatch();
          pending = flushIfFull(ps, pending);
        }
      }
      ps.executeBatch();
    }
  }

  private static AccountRow newAccount(SplittableRandom r, CustomerRow cu, String product, LocalDate since,
      LocalDate today, Set<String> used) {
    String no;
    do {
      no = switch (product) {
        case "DEBIT_CARD" -> luhn("6222" + digits(r, 14)); // 19 digits
        case "CREDIT_CARD" -> luhn((r.nextBoolean() ? "6225" : "4392") + digits(r, 11)); // 16 digits
        case "DEPOSIT" -> (cu.kind.equals("COMPANY") ? "3" : "1") + digits(r, 16); // 17 digits
        case "LOAN" -> "8" + digits(r, 17); // 18 digits
        default -> "7" + digits(r, 15); // WEALTH: 16 digits
      };
    } while (!used.add(no));
    if (product.equals("DEBIT_CARD") && cu.debit4 == null) {
      cu.debit4 = no.substring(no.length() - 4);
    }
    if (product.equals("CREDIT_CARD") && cu.credit4 == null) {
      cu.credit4 = no.substring(no.length() - 4);
    }
    long span = Math.max(1, today.toEpochDay() - 1 - since.toEpochDay());
    LocalDate opened = since.plusDays(r.nextLong(span));
    return new AccountRow(no, product, opened);
  }

  // ---------------------------------------------------------------- dispatch rules

  private void writeDispatchRules() throws SQLException {
    rule("投诉统一由投诉处理组处理", "COMPLAINT", null, null, null, "HQ-COMPLAINT");
    rule("信用卡业务投诉", "COMPLAINT", CAT_CMP_CARD, null, null, "HQ-CARD-DISPUTE");
    rule("信用卡账单查询", "INQUIRY", CAT_INQ_CARD, null, null, "HQ-CARD-SVC");
    rule("信用卡额度调整", "BUSINESS_REQUEST", CAT_BIZ_LIMIT, null, null, "HQ-CARD-SVC");
    rule("手机银行故障", "FAULT_REPORT", CAT_FLT_MOBILE, null, null, "HQ-ECHANNEL");
    rule("其他故障报修", "FAULT_REPORT", null, null, null, "HQ-OPS-SUPPORT");
    rule("私人银行客户咨询", "CONSULTATION", null, null, "PRIVATE", "HQ-PRIVATE");
    for (CityDef city : CITIES) {
      Node cityNode = branchByCode.get("BR-" + city.key());
      rule(city.name() + "ATM故障", "FAULT_REPORT", CAT_FLT_ATM, cityNode, null, city.key() + "-OPS");
      rule(city.name() + "POS机故障", "FAULT_REPORT", CAT_FLT_POS, cityNode, null, city.key() + "-OPS");
    }
    for (CityDef city : CITIES) {
      rule(city.name() + "辖内业务", null, null, branchByCode.get("BR-" + city.key()), null, city.key() + "-RETAIL");
    }
    rule("全行兜底规则", null, null, null, null, "HQ-RETAIL-SVC");

    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO DISPATCH_RULE (ID, NAME, TICKET_TYPE, CATEGORY_ID, BRANCH_ID, CUSTOMER_TIER, TEAM_ID, ACTIVE,"
            + " VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)")) {
      for (RuleRow rr : rules) {
        ps.setLong(1, rr.id());
        ps.setString(2, rr.name());
        setString(ps, 3, rr.type());
        setLong(ps, 4, rr.categoryId());
        setLong(ps, 5, rr.branch() == null ? null : rr.branch().id);
        setString(ps, 6, rr.tier());
        ps.setLong(7, rr.team().id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void rule(String name, String type, Long category, Node branch, String tier, String teamCode)
      throws SQLException {
    rules.add(new RuleRow(nextId("DISPATCH_RULE_SEQ"), name, type, category, branch, tier,
        Objects.requireNonNull(teamByCode.get(teamCode), teamCode)));
  }

  private RuleRow dispatch(String type, long category, Node owning, String tier) {
    RuleRow best = null;
    for (RuleRow rr : rules) {
      if (rr.matches(type, category, owning, tier)
          && (best == null || rr.specificity() > best.specificity())) {
        best = rr;
      }
    }
    return Objects.requireNonNull(best, "no dispatch rule matches");
  }

  // ---------------------------------------------------------------- tickets

  private void writeTickets() throws SQLException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EED_0003L);
    List<Instant> times = ticketTimes(r);
    int[] categoryWeights = CATEGORIES.stream().mapToInt(CategoryDef::weight).toArray();
    List<CustomerRow> persons = new ArrayList<>();
    List<CustomerRow> companies = new ArrayList<>();
    List<CustomerRow> cardHolders = new ArrayList<>();
    for (CustomerRow cu : customers) {
      (cu.kind.equals("COMPANY") ? companies : persons).add(cu);
      if (cu.credit4 != null) {
        cardHolders.add(cu);
      }
    }
    String[] channels = {"PHONE", "BRANCH_COUNTER", "MOBILE_APP", "WEB", "EMAIL"};
    int[] channelWeights = {45, 30, 12, 8, 5};

    try (PreparedStatement ticketNo = c.prepareStatement("SELECT TICKET_NO_SEQ.NEXTVAL FROM DUAL");
        PreparedStatement tp = c.prepareStatement(
            "INSERT INTO TICKET (ID, TICKET_NO, TICKET_TYPE, CATEGORY_ID, PRIORITY, STATUS, CHANNEL, SUBJECT,"
                + " DESCRIPTION, CUSTOMER_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, CREATED_BY_ID, ASSIGNED_TEAM_ID,"
                + " ASSIGNEE_ID, CREATED_AT, UPDATED_AT, DISPATCHED_AT, CLOSED_AT, VERSION)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement ep = c.prepareStatement(
            "INSERT INTO TICKET_EVENT (ID, TICKET_ID, SEQ_NO, KIND, OCCURRED_AT, ACTOR_LOGIN, FROM_STATUS,"
                + " TO_STATUS, TEAM_ID, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      List<Object[]> events = new ArrayList<>(); // {ticketId, List<Step>}
      int pending = 0;
      for (Instant created : times) {
        CategoryDef cat = CATEGORIES.get(pick(r, categoryWeights));
        String channel = pickOf(r, channels, channelWeights);
        if (cat.id() == CAT_FLT_POS && channel.equals("MOBILE_APP")) {
          channel = "PHONE";
        }
        // Counter tickets are logged during opening hours only.
        if (channel.equals("BRANCH_COUNTER")) {
          int hour = created.atZone(ZONE).getHour();
          if (hour < 9 || hour >= 17) {
            channel = "PHONE";
          }
        }
        CustomerRow customer;
        if (cat.id() == CAT_FLT_POS) {
          customer = companies.get(r.nextInt(companies.size()));
        } else if (cat.id() == CAT_INQ_CARD || cat.id() == CAT_BIZ_LIMIT || cat.id() == CAT_CMP_CARD) {
          customer = cardHolders.get(r.nextInt(cardHolders.size()));
        } else if (cat.type().equals("SUGGESTION") && r.nextInt(100) < 20) {
          customer = null; // anonymous suggestion
        } else {
          customer = persons.get(r.nextInt(persons.size()));
        }
        Node owning = customer != null && r.nextInt(100) < 85 ? customer.outlet : outlets.get(r.nextInt(outlets.size()));
        StaffRow creator = channel.equals("BRANCH_COUNTER")
            ? counterStaffByOutlet.get(owning.id)
            : agents.get(r.nextInt(agents.size()));
        String priority = cat.type().equals("COMPLAINT")
            ? pickOf(r, new String[] {"NORMAL", "HIGH", "URGENT"}, new int[] {60, 30, 10})
            : cat.id() == 21 || cat.id() == CAT_FLT_ATM
                ? pickOf(r, new String[] {"NORMAL", "HIGH", "URGENT"}, new int[] {55, 35, 10})
                : pickOf(r, new String[] {"LOW", "NORMAL", "HIGH", "URGENT"}, new int[] {8, 80, 10, 2});
        RuleRow rule = dispatch(cat.type(), cat.id(), owning, customer == null ? null : customer.tier);
        List<StaffRow> members = membersByTeam.get(rule.team().id());
        StaffRow member = members.get(r.nextInt(members.size()));
        String status = status(r, Duration.between(created, now));

        String[][] texts = TEXTS.get(cat.id());
        String[] text = texts[r.nextInt(texts.length)];
        String subject = fill(text[0], r, cat, customer, owning, created);
        String description = fill(text[1], r, cat, customer, owning, created);

        List<Step> steps = timeline(r, created, status, cat, channel, creator, rule, member);
        Step last = steps.get(steps.size() - 1);
        boolean accepted = steps.stream().anyMatch(s -> s.kind().equals("ACCEPTED"));

        long id = nextId("TICKET_SEQ");
        long seqNo;
        try (ResultSet rs = ticketNo.executeQuery()) {
          rs.next();
          seqNo = rs.getLong(1);
        }
        String no = "T" + created.atZone(ZONE).format(TICKET_DAY) + "-" + String.format("%06d", seqNo);
        tp.setLong(1, id);
        tp.setString(2, no);
        tp.setString(3, cat.type());
        tp.setLong(4, cat.id());
        tp.setString(5, priority);
        tp.setString(6, status);
        tp.setString(7, channel);
        tp.setString(8, subject);
        tp.setString(9, description);
        setLong(tp, 10, customer == null ? null : customer.id);
        tp.setLong(11, owning.id);
        tp.setString(12, owning.path);
        tp.setLong(13, creator.id());
        tp.setLong(14, rule.team().id());
        setLong(tp, 15, accepted ? member.id() : null);
        tp.setObject(16, utc(created));
        tp.setObject(17, utc(last.at()));
        tp.setObject(18, utc(steps.get(1).at()));
        // CLOSED_AT marks the end of the ticket's life: CLOSED or CANCELLED (a REJECTED ticket is still open).
        if (status.equals("CLOSED") || status.equals("CANCELLED")) {
          tp.setObject(19, utc(last.at()));
        } else {
          tp.setNull(19, Types.TIMESTAMP);
        }
        tp.setInt(20, steps.size() - 1);
        tp.addBatch();
        pending = flushIfFull(tp, pending);
        events.add(new Object[] {id, steps});
        ticketCount++;
      }
      tp.executeBatch();

      pending = 0;
      for (Object[] e : events) {
        long ticketId = (Long) e[0];
        @SuppressWarnings("unchecked")
        List<Step> steps = (List<Step>) e[1];
        int seqNo = 1;
        for (Step s : steps) {
          ep.setLong(1, nextId("TICKET_EVENT_SEQ"));
          ep.setLong(2, ticketId);
          ep.setInt(3, seqNo++);
          ep.setString(4, s.kind());
          ep.setObject(5, utc(s.at()));
          ep.setString(6, s.actor());
          setString(ep, 7, s.from());
          setString(ep, 8, s.to());
          setLong(ep, 9, s.teamId());
          setString(ep, 10, s.detail());
          ep.addBatch();
          pending = flushIfFull(ep, pending);
        }
      }
      ep.executeBatch();
    }
  }

  /** Creation instants of the history, ascending: more on weekdays and in working hours (Asia/Shanghai). */
  private List<Instant> ticketTimes(SplittableRandom r) {
    int[] hourWeights = {1, 0, 0, 0, 0, 0, 1, 2, 6, 12, 14, 13, 8, 10, 13, 13, 12, 9, 5, 4, 3, 2, 1, 1};
    Instant from = now.minus(Duration.ofDays(HISTORY_DAYS));
    Instant until = now.minus(Duration.ofMinutes(5));
    List<Instant> times = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    for (LocalDate day = LocalDate.ofInstant(from, ZONE); !day.isAfter(today); day = day.plusDays(1)) {
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      double mean = weekend ? 16 : 41;
      int count = (int) Math.round(mean * (0.75 + 0.5 * r.nextDouble()));
      for (int i = 0; i < count; i++) {
        int hour = pick(r, hourWeights);
        Instant t = day.atTime(LocalTime.of(hour, r.nextInt(60), r.nextInt(60))).atZone(ZONE).toInstant();
        if (t.isAfter(from) && t.isBefore(until)) {
          times.add(t);
        }
      }
    }
    times.sort(Comparator.naturalOrder());
    return times;
  }

  private static String status(SplittableRandom r, Duration age) {
    long hours = age.toHours();
    String[] s = {"DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED", "CANCELLED",
      "REJECTED"};
    int[] w;
    if (hours < 24) {
      w = new int[] {30, 25, 30, 5, 8, 0, 2, 0};
    } else if (hours < 72) {
      w = new int[] {8, 12, 30, 10, 25, 10, 3, 2};
    } else if (hours < 240) {
      w = new int[] {2, 3, 12, 6, 22, 48, 4, 3};
    } else {
      w = new int[] {0, 0, 1, 1, 5, 86, 7, 0}; // REJECTED tickets are open: old ones were cancelled since
    }
    return pickOf(r, s, w);
  }

  /** The events of one ticket, consistent with its final status, times increasing and before {@code now}. */
  private List<Step> timeline(SplittableRandom r, Instant created, String status, CategoryDef cat, String channel,
      StaffRow creator, RuleRow rule, StaffRow member) {
    List<Step> steps = new ArrayList<>();
    String creatorLogin = creator.login();
    String memberLogin = member.login();
    steps.add(new Step("CREATED", created, creatorLogin, null, "NEW", null, "受理渠道：" + CHANNEL_NAMES.get(channel)));
    Instant t = created.plusSeconds(2 + r.nextInt(28));
    steps.add(new Step("DISPATCHED", t, SYSTEM_ACTOR, "NEW", "DISPATCHED", rule.team().id(),
        "按派单规则「" + rule.name() + "」派至" + rule.team().name()));
    done:
    {
      if (status.equals("DISPATCHED")) {
        break done;
      }
      // A cancellation (allowed from DISPATCHED, REJECTED or PENDING_CUSTOMER) takes one of three paths.
      int cancelPath = status.equals("CANCELLED") ? pick(r, new int[] {40, 30, 30}) : -1;
      if (status.equals("REJECTED") || cancelPath == 1) {
        t = work(r, t.plus(minutes(r, 10, 360)));
        steps.add(new Step("REJECTED", t, memberLogin, "DISPATCHED", "REJECTED", null, any(r, REJECT_REASONS)));
        if (cancelPath == 1) {
          t = t.plus(minutes(r, 30, 1440));
          steps.add(new Step("CANCELLED", t, creatorLogin, "REJECTED", "CANCELLED", null,
              "已向客户解释，工单撤销。"));
        }
        break done;
      }
      if (cancelPath == 0) {
        t = t.plus(minutes(r, 10, 1440));
        steps.add(new Step("CANCELLED", t, creatorLogin, "DISPATCHED", "CANCELLED", null, any(r, CANCEL_REASONS)));
        break done;
      }
      t = work(r, t.plus(minutes(r, 5, 240)));
      steps.add(new Step("ACCEPTED", t, memberLogin, "DISPATCHED", "ACCEPTED", null, "已受理"));
      if (status.equals("ACCEPTED")) {
        break done;
      }
      t = work(r, t.plus(minutes(r, 5, 120)));
      steps.add(new Step("STATUS_CHANGED", t, memberLogin, "ACCEPTED", "IN_PROGRESS", null, "开始处理"));
      int comments = pick(r, new int[] {50, 35, 15});
      for (int i = 0; i < comments; i++) {
        t = work(r, t.plus(minutes(r, 30, 1440)));
        boolean byCreator = r.nextInt(4) == 0;
        steps.add(new Step("COMMENTED", t, byCreator ? creatorLogin : memberLogin, null, null, null,
            any(r, byCreator ? CREATOR_COMMENTS : COMMENTS)));
      }
      if (status.equals("IN_PROGRESS")) {
        break done;
      }
      if (status.equals("PENDING_CUSTOMER") || cancelPath == 2 || r.nextInt(100) < 15) {
        t = work(r, t.plus(minutes(r, 30, 1440)));
        steps.add(new Step("STATUS_CHANGED", t, memberLogin, "IN_PROGRESS", "PENDING_CUSTOMER", null,
            any(r, PENDING_REASONS)));
        if (status.equals("PENDING_CUSTOMER")) {
          break done;
        }
        if (cancelPath == 2) {
          t = t.plus(minutes(r, 60, 3 * 1440));
          steps.add(new Step("CANCELLED", t, creatorLogin, "PENDING_CUSTOMER", "CANCELLED", null,
              any(r, CANCEL_REASONS)));
          break done;
        }
        t = work(r, t.plus(minutes(r, 60, 3 * 1440)));
        steps.add(new Step("STATUS_CHANGED", t, memberLogin, "PENDING_CUSTOMER", "IN_PROGRESS", null,
            "客户已补充相关材料，继续处理。"));
      }
      Duration resolve = switch (cat.type()) {
        case "COMPLAINT" -> minutes(r, 240, 7 * 1440);
        case "SUGGESTION" -> minutes(r, 1440, 7 * 1440);
        case "BUSINESS_REQUEST" -> minutes(r, 60, 3 * 1440);
        case "FAULT_REPORT" -> minutes(r, 60, 2 * 1440);
        default -> minutes(r, 30, 1440);
      };
      t = work(r, t.plus(resolve));
      steps.add(new Step("RESOLVED", t, memberLogin, "IN_PROGRESS", "RESOLVED", null,
          any(r, RESOLUTIONS.get(cat.type()))));
      if (status.equals("RESOLVED")) {
        break done;
      }
      t = work(r, t.plus(minutes(r, 120, 3 * 1440)));
      steps.add(new Step("CLOSED", t, creatorLogin, "RESOLVED", "CLOSED", null, any(r, CLOSE_NOTES)));
    }
    return fitBeforeNow(steps, created);
  }

  /** Squeezes a timeline that would end after {@code now} into the time available, keeping the order. */
  private List<Step> fitBeforeNow(List<Step> steps, Instant created) {
    Instant limit = now.minusSeconds(60);
    Instant last = steps.get(steps.size() - 1).at();
    if (!last.isAfter(limit)) {
      return steps;
    }
    double factor = (double) Duration.between(created, limit).toMillis()
        / Math.max(1, Duration.between(created, last).toMillis());
    List<Step> fitted = new ArrayList<>(steps.size());
    Instant prev = null;
    for (Step s : steps) {
      long offset = Duration.between(created, s.at()).toMillis();
      Instant at = created.plusMillis((long) (offset * factor)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      if (prev != null && !at.isAfter(prev)) {
        at = prev.plusSeconds(1);
      }
      if (prev == null) {
        at = created;
      }
      fitted.add(new Step(s.kind(), at, s.actor(), s.from(), s.to(), s.teamId(), s.detail()));
      prev = at;
    }
    return fitted;
  }

  /** Moves a team member's action outside office hours (08:30–18:00 Asia/Shanghai) to the next morning. */
  private static Instant work(SplittableRandom r, Instant t) {
    ZonedDateTime z = t.atZone(ZONE);
    LocalTime time = z.toLocalTime();
    if (time.isBefore(LocalTime.of(8, 30))) {
      return z.toLocalDate().atTime(8, 30).atZone(ZONE).toInstant().plusSeconds(r.nextInt(5400));
    }
    if (!time.isBefore(LocalTime.of(18, 0))) {
      return z.toLocalDate().plusDays(1).atTime(8, 30).atZone(ZONE).toInstant().plusSeconds(r.nextInt(5400));
    }
    return t;
  }

  private static String fill(String template, SplittableRandom r, CategoryDef cat, CustomerRow customer, Node outlet,
      Instant created) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    boolean credit = cat.id() == CAT_INQ_CARD || cat.id() == CAT_BIZ_LIMIT || cat.id() == CAT_CMP_CARD
        || template.contains("信用卡");
    String card4 = customer == null ? null : credit ? customer.credit4 : customer.debit4;
    if (card4 == null) {
      card4 = digits(r, 4);
    }
    int amount = cat.id() == CAT_BIZ_LIMIT ? (5 + r.nextInt(16)) * 5000
        : cat.id() == CAT_FLT_ATM ? (1 + r.nextInt(25)) * 100
        : r.nextInt(4) == 0 ? 10 + r.nextInt(990) : 100 * (1 + r.nextInt(200));
    LocalDate date = LocalDate.ofInstant(created, ZONE).minusDays(1 + r.nextInt(10));
    return template
        .replace("{amount}", String.format("%,d", amount))
        .replace("{card4}", card4)
        .replace("{date}", date.format(SHORT_DATE))
        .replace("{outlet}", outlet.name)
        .replace("{place}", outlet.name + "自助银行");
  }

  // ---------------------------------------------------------------- identifiers

  /** The check character of an 18-digit resident ID (GB 11643, ISO 7064 MOD 11-2) over its first 17 digits. */
  public static char residentIdCheckDigit(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  /** The check character of a 9-character organization code (GB 11714) over its first 8 characters. */
  static char orgCodeCheck(String first8) {
    int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += Character.digit(first8.charAt(i), 36) * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** The check character of an 18-character unified social credit code (GB 32100) over its first 17. */
  public static char unifiedCreditCodeCheck(String first17) {
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += USCC_CHARS.indexOf(first17.charAt(i)) * weights[i];
    }
    return USCC_CHARS.charAt((31 - sum % 31) % 31);
  }

  /** Appends the Luhn check digit. */
  static String luhn(String body) {
    int sum = 0;
    boolean dbl = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return body + (10 - sum % 10) % 10;
  }

  // ---------------------------------------------------------------- helpers

  private long nextId(String sequence) throws SQLException {
    PreparedStatement ps = sequenceStatements.get(sequence);
    if (ps == null) {
      ps = c.prepareStatement("SELECT " + sequence + ".NEXTVAL FROM DUAL");
      sequenceStatements.put(sequence, ps);
    }
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no value from " + sequence);
      }
      return rs.getLong(1);
    }
  }

  private void closeSequenceStatements() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement ps : sequenceStatements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static int flushIfFull(PreparedStatement ps, int pending) throws SQLException {
    if (++pending >= BATCH_SIZE) {
      ps.executeBatch();
      return 0;
    }
    return pending;
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private static Duration minutes(SplittableRandom r, int min, int max) {
    return Duration.ofSeconds(60L * min + r.nextLong(60L * (max - min) + 1));
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  private static int pick(SplittableRandom r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private static String pickOf(SplittableRandom r, String[] values, int[] weights) {
    return values[pick(r, weights)];
  }

  private static String any(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
