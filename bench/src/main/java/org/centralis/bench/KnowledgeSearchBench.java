package org.centralis.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kb-search}: optionally seeds generated articles through {@code POST /api/knowledge/articles}
 * (as an editor), then runs knowledge searches ({@code GET /api/knowledge/articles?q=…}) from several
 * threads for a fixed time with a mix of Chinese and English queries, and reports the latency
 * percentiles of the searches and of the seeding.
 *
 * <pre>
 *   java -jar centralis-bench.jar kb-search --url http://localhost:8080 --seed 10000 --threads 4 --seconds 30
 * </pre>
 */
final class KnowledgeSearchBench {

  private KnowledgeSearchBench() {}

  /** Phrases the generated articles are made of: real service vocabulary, so that common bigrams are common. */
  static final String[] PHRASES = {
    "客户来电要求办理借记卡挂失", "请先核实客户身份", "手机银行转账限额为单笔5万元", "信用卡账单分期可选3、6、12期", "网上银行登录密码重置",
    "宽带无法上网请检查光猫", "话费查询可发送短信", "跨行转账手续费按笔收取", "理财产品需完成风险评估", "大额存单起存金额20万元",
    "ATM吞卡须在3个工作日内领取", "预留手机号变更需本人办理", "投诉须在15个自然日内答复", "账户余额查询渠道包括手机银行", "临时额度有效期最长90天",
    "POS机故障派单至运营支持组", "套餐变更次月生效", "欠费停机缴费后自动复机", "提前还款需提前预约", "交易明细可在手机银行导出",
    "Verify the caller's identity before any change", "Transfer limits can be lowered in the app", "Reset the password with an SMS code",
    "Instalment fees are charged monthly", "Report a lost card to block it", "Broadband faults are fixed within 24 hours"};

  static final String[] QUERIES = {"挂失", "转账限额", "信用卡分期", "密码重置", "宽带故障", "手续费", "手机银行", "风险评估", "password reset", "lost card", "ATM吞卡", "话费"};

  static Map<String, Object> run(Bench.Args args) throws Exception {
    String base = Bench.localUrl(args.required("url"));
    String password = args.str("password", Bench.PASSWORD_DEFAULT);
    String editor = Bench.basic(args.str("editor", "admin1"), password);
    String reader = Bench.basic(args.str("user", "agent1"), password);
    int seed = args.integer("seed", 0, 0, 100_000);
    int threads = args.integer("threads", 4, 1, 64);
    int seconds = args.integer("seconds", 30, 1, 3600);
    int warmupSeconds = args.integer("warmup-seconds", 5, 0, 600);
    HttpClient client = Bench.httpClient();
    Bench.requireReady(client, base);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "kb-search");
    if (seed > 0) {
      result.put("seed", seedArticles(client, base, editor, seed, threads));
    }
    HttpResponse<String> all = Bench.get(client, base + "/api/knowledge/articles?size=1", editor, Duration.ofSeconds(30));
    result.put("articles", Bench.Json.parse(all.body()) instanceof Map<?, ?> page ? page.get("total") : null);

    List<List<Long>> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong hits = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> workers = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    Bench.LOG.printf("kb-search: %s, %d threads, %d s warm-up + %d s measured%n", base, threads, warmupSeconds, seconds);
    for (int t = 0; t < threads; t++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      Thread w = new Thread(() -> {
        while (System.nanoTime() < measureTo) {
          int n = next.getAndIncrement();
          String q = QUERIES[n % QUERIES.length];
          String url = base + "/api/knowledge/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=" + (n / QUERIES.length % 3);
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = Bench.get(client, url, reader, Duration.ofSeconds(30));
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            } else if (t0 >= measureFrom && t1 <= measureTo) {
              mine.add(t1 - t0);
              if (r.body().contains("<mark>")) {
                hits.incrementAndGet();
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        }
      });
      workers.add(w);
    }
    long[] sorted = runAll(workers, latencies);
    result.put("threads", threads);
    result.put("seconds", seconds);
    result.put("searches", sorted.length);
    result.put("searchesPerSecond", Bench.round(sorted.length / (double) seconds, 1));
    result.put("withMarkedHits", hits.get());
    result.put("errors", errors.get());
    result.put("p50Ms", Bench.ms(Bench.percentile(sorted, 50)));
    result.put("p95Ms", Bench.ms(Bench.percentile(sorted, 95)));
    result.put("p99Ms", Bench.ms(Bench.percentile(sorted, 99)));
    result.put("maxMs", Bench.ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    return result;
  }

  /** Starts the workers, waits for them, and answers their latencies merged and sorted. */
  static long[] runAll(List<Thread> workers, List<List<Long>> latencies) throws InterruptedException {
    workers.forEach(Thread::start);
    for (Thread w : workers) {
      w.join();
    }
    List<Long> merged = new ArrayList<>();
    latencies.forEach(merged::addAll);
    return Bench.sorted(merged);
  }

  /** Creates {@code count} published articles of about 400 characters from {@link #PHRASES}. */
  static Map<String, Object> seedArticles(HttpClient client, String base, String auth, int count, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    List<List<Long>> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      Thread w = new Thread(() -> {
        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
          Random r = new Random(n);
          StringBuilder body = new StringBuilder();
          while (body.length() < 400) {
            body.append(PHRASES[r.nextInt(PHRASES.length)]).append(r.nextBoolean() ? "。" : "，");
          }
          String title = PHRASES[r.nextInt(PHRASES.length)] + " 第" + n + "号";
          String json = "{\"title\":\"" + title.replace("\"", "") + "\",\"body\":\"" + body.toString().replace("\"", "")
              + "\",\"tags\":\"bench\",\"language\":\"zh_CN\",\"visibility\":\"" + (n % 3 == 0 ? "INTERNAL" : "PUBLIC") + "\",\"status\":\"PUBLISHED\"}";
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> resp = Bench.postJson(client, base + "/api/knowledge/articles", auth, json, Duration.ofSeconds(60));
            if (resp.statusCode() == 201) {
              mine.add(System.nanoTime() - t0);
            } else {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (n % 1000 == 0) {
            Bench.LOG.printf("kb-search: seeded %d%n", n);
          }
        }
      });
      workers.add(w);
    }
    long[] sorted = runAll(workers, latencies);
    double secs = (System.nanoTime() - start) / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("created", sorted.length);
    m.put("errors", errors.get());
    m.put("seconds", Bench.round(secs, 1));
    m.put("perSecond", Bench.round(sorted.length / secs, 1));
    m.put("p50Ms", Bench.ms(Bench.percentile(sorted, 50)));
    m.put("p99Ms", Bench.ms(Bench.percentile(sorted, 99)));
    return m;
  }
}
