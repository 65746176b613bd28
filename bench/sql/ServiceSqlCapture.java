import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.domain.IdentifierKind;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.application.TicketFilter;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketSort;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The SQL that {@code TicketQueries.list} and {@code CustomerDirectory.lookup} really run, and what one call costs
 * through EclipseLink: the real service classes (compiled in ejb-module/target/classes), their container-injected
 * fields filled by hand (an EclipseLink SE entity manager over the same persistence settings as persistence.xml —
 * Oracle12Platform, shared cache ENABLE_SELECTIVE — and a fixed caller), run against a database that {@code
 * TicketListBench} / {@code CustomerLookupBench} loaded. EclipseLink logs every statement with its bind values
 * ({@code eclipselink.logging.level.sql=FINE}); the benches time the same statements on plain JDBC.
 *
 * <p>Not the container: no EJB interceptors, no JTA (a resource-local transaction around each call), no bean
 * validation, no weaving (lazy to-one relations load eagerly; the queries below do not follow one).
 *
 * <p>EclipseLink is not in Maven Central's offline cache here; the jars Payara Micro bundles are used:
 *
 * <pre>
 *   mkdir -p /tmp/lb-el && unzip -q -o -j ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar \
 *     'MICRO-INF/runtime/org.eclipse.persistence.*.jar' 'MICRO-INF/runtime/jakarta.persistence-api.jar' -d /tmp/lb-el
 *   CP=ejb-module/target/classes:$(ls /tmp/lb-el/*.jar | tr '\n' ':')$(cat /tmp/lb.cp)
 *   java -cp $CP bench/sql/ServiceSqlCapture.java tickets /tmp/ticket-list-bench [calls per case, 0 = SQL only]
 *   java -cp $CP bench/sql/ServiceSqlCapture.java customers /tmp/customer-lookup-bench [calls per case] [customer number]
 * </pre>
 *
 * The persistence unit holds every {@code @Entity} and {@code @Converter} class found under ejb-module/target/classes
 * (or {@code -Dcapture.classes=<dir>}, e.g. a copy while another build rewrites target/). The SQL printed with
 * {@code calls} 0 is what {@code TicketListBench} and {@code CustomerLookupBench} must send; compare after any change to
 * TicketQueries, CustomerDirectory or the entities (docs/performance.md).
 *
 * The staff and branch ids are those of TicketListBench's generated bank (outlet 100, city 10, HQ 1).
 */
public class ServiceSqlCapture {

  /** The entity and converter classes of ejb-module/target/classes (what persistence.xml's unit holds). */
  static List<String> entities() throws java.io.IOException {
    Path root = Path.of(System.getProperty("capture.classes", "ejb-module/target/classes"));
    List<String> out = new ArrayList<>();
    try (var files = java.nio.file.Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> k = Class.forName(name, false, ServiceSqlCapture.class.getClassLoader());
          if (k.isAnnotationPresent(jakarta.persistence.Entity.class) || k.isAnnotationPresent(jakarta.persistence.Converter.class)) {
            out.add(name);
          }
        } catch (Throwable e) {
          // a class whose dependencies are not on this class path is no entity
        }
      }
    }
    return out;
  }

  static Caller caller = null;

  public static void main(String[] args) throws Exception {
    String what = args[0];
    Path dir = Path.of(args[1]);
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
    ds.setUser("sa");
    ds.setPassword("");
    Map<String, Object> props = new HashMap<>();
    props.put("eclipselink.target-database", "org.eclipse.persistence.platform.database.Oracle12Platform");
    props.put("eclipselink.jdbc.batch-writing", "JDBC");
    props.put("eclipselink.weaving", "false");
    props.put("eclipselink.logging.level", "WARNING");
    props.put("eclipselink.logging.level.sql", calls > 0 ? "WARNING" : "FINE");
    props.put("eclipselink.logging.parameters", "true");
    EntityManagerFactory emf = new PersistenceProvider().createContainerEntityManagerFactory(unit(ds), props);
    CurrentCaller current = () -> caller;
    if (what.equals("tickets")) {
      tickets(emf, current, calls);
    } else {
      customers(emf, current, calls, args.length > 3 ? Long.parseLong(args[3]) : 12_345L);
    }
    emf.close();
  }

  static Caller staff(long id, String login, Role role, long branch, String path) {
    return new Caller(id, login, Set.of(role), branch, path, "127.0.0.1");
  }

  static void tickets(EntityManagerFactory emf, CurrentCaller current, int calls) throws Exception {
    Object[][] cases = {
      {"outlet staff, all statuses, page 1", staff(10_100, "bs100", Role.BRANCH_STAFF, 100, "/1/2/10/100/"), TicketFilter.any(), 0},
      {"outlet staff, status DISPATCHED, page 1", staff(10_100, "bs100", Role.BRANCH_STAFF, 100, "/1/2/10/100/"),
        new TicketFilter(TicketStatus.DISPATCHED, null, null, null, null, null, null), 0},
      {"outlet staff, all statuses, offset 2000", staff(10_100, "bs100", Role.BRANCH_STAFF, 100, "/1/2/10/100/"), TicketFilter.any(), 2000},
      {"city staff without team, all statuses, page 1", staff(20_010, "cm10", Role.BRANCH_STAFF, 10, "/1/2/10/"), TicketFilter.any(), 0},
      {"city ops staff in a team, all statuses, page 1", staff(30_010, "ops10", Role.BRANCH_STAFF, 10, "/1/2/10/"), TicketFilter.any(), 0},
      {"city ops staff in a team, status IN_PROGRESS", staff(30_010, "ops10", Role.BRANCH_STAFF, 10, "/1/2/10/"),
        new TicketFilter(TicketStatus.IN_PROGRESS, null, null, null, null, null, null), 0},
      {"HQ manager, type COMPLAINT + status PENDING_CUSTOMER + priority HIGH", staff(9_000, "hq1", Role.HQ_MANAGER, 1, "/1/"),
        new TicketFilter(TicketStatus.PENDING_CUSTOMER, TicketType.COMPLAINT, Priority.HIGH, null, null, null, null), 0},
      {"HQ supervisor in a team, type FAULT_REPORT", staff(9_001, "super1", Role.SUPERVISOR, 1, "/1/"),
        new TicketFilter(null, TicketType.FAULT_REPORT, null, null, null, null, null), 0},
      {"HQ manager, branch filter = city 10", staff(9_000, "hq1", Role.HQ_MANAGER, 1, "/1/"),
        new TicketFilter(null, null, null, 10L, null, null, null), 0},
    };
    EntityManager em = emf.createEntityManager();
    TicketQueries queries = construct(TicketQueries.class, em, current);
    for (Object[] c : cases) {
      caller = (Caller) c[1];
      TicketFilter filter = (TicketFilter) c[2];
      int offset = (Integer) c[3];
      System.err.println("\n===== " + c[0]);
      Runnable call = () -> {
        em.getTransaction().begin();
        try {
          queries.list(filter, offset, 20, TicketSort.CREATED_AT, false);
        } finally {
          em.getTransaction().commit();
          em.clear(); // a transaction-scoped persistence context ends with the transaction
        }
      };
      time(call, calls, (String) c[0]);
    }
    em.close();
  }

  static void customers(EntityManagerFactory emf, CurrentCaller current, int calls, long customer) throws Exception {
    Class<?> ids = Class.forName("org.centralis.bench.CustomerLookupBench$Ids");
    java.lang.reflect.Method phoneOf = ids.getDeclaredMethod("phone", long.class);
    java.lang.reflect.Method idNumberOf = ids.getDeclaredMethod("idNumber", long.class);
    java.lang.reflect.Method accountOf = ids.getDeclaredMethod("accountNo", long.class, int.class);
    for (java.lang.reflect.Method m : List.of(phoneOf, idNumberOf, accountOf)) {
      m.setAccessible(true); // package-private in the bench
    }
    String phone = (String) phoneOf.invoke(null, customer);
    String idNumber = (String) idNumberOf.invoke(null, customer);
    String account = (String) accountOf.invoke(null, customer, 0);
    EntityManager em = emf.createEntityManager();
    CustomerDirectory directory = construct(CustomerDirectory.class, em, current);
    Object[][] cases = {
      {"agent (HQ scope), PHONE", staff(9_002, "agent1", Role.AGENT, 1, "/1/"), IdentifierKind.PHONE, phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)},
      {"agent (HQ scope), ID_NUMBER", staff(9_002, "agent1", Role.AGENT, 1, "/1/"), IdentifierKind.ID_NUMBER, idNumber},
      {"agent (HQ scope), ACCOUNT_NO", staff(9_002, "agent1", Role.AGENT, 1, "/1/"), IdentifierKind.ACCOUNT_NO, account},
      {"outlet staff, PHONE", staff(10_100, "bs100", Role.BRANCH_STAFF, 100, "/1/2/10/100/"), IdentifierKind.PHONE, phone},
    };
    for (Object[] c : cases) {
      caller = (Caller) c[1];
      System.err.println("\n===== " + c[0] + " " + c[3]);
      Runnable call = () -> {
        em.getTransaction().begin();
        try {
          directory.lookup((IdentifierKind) c[2], (String) c[3]);
        } finally {
          em.getTransaction().commit();
          em.clear();
        }
      };
      time(call, calls, (String) c[0]);
    }
    em.close();
  }

  /** One call when only capturing; else a warm-up of {@code calls} then {@code calls} timed. */
  static void time(Runnable call, int calls, String name) {
    if (calls == 0) {
      call.run();
      return;
    }
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    long[] t = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      call.run();
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf("%-75s calls %5d  p50 %8.3f ms  p95 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", name, calls, t[calls / 2] / 1e6,
        t[(int) Math.ceil(calls * 0.95) - 1] / 1e6, t[(int) Math.ceil(calls * 0.99) - 1] / 1e6, t[calls - 1] / 1e6);
  }

  /** A new instance with its @PersistenceContext / @Inject fields filled: the entity manager, the caller, or (recursively) a new bean. */
  static <T> T construct(Class<T> k, EntityManager em, CurrentCaller current) throws Exception {
    Constructor<T> ctor = k.getDeclaredConstructor();
    ctor.setAccessible(true);
    T bean = ctor.newInstance();
    for (Field f : k.getDeclaredFields()) {
      f.setAccessible(true);
      if (f.isAnnotationPresent(PersistenceContext.class)) {
        f.set(bean, em);
      } else if (f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(jakarta.ejb.EJB.class)) {
        f.set(bean, f.getType() == CurrentCaller.class ? current : construct(f.getType(), em, current));
      }
    }
    return bean;
  }

  static PersistenceUnitInfo unit(DataSource ds) throws Exception {
    List<String> managed = entities();
    URL root = Path.of(System.getProperty("capture.classes", "ejb-module/target/classes")).toUri().toURL();
    return new PersistenceUnitInfo() {
      public String getPersistenceUnitName() { return "centralis"; }
      public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
      public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
      public DataSource getJtaDataSource() { return null; }
      public DataSource getNonJtaDataSource() { return ds; }
      public List<String> getMappingFileNames() { return List.of(); }
      public List<URL> getJarFileUrls() { return List.of(); }
      public URL getPersistenceUnitRootUrl() { return root; }
      public List<String> getManagedClassNames() { return managed; }
      public boolean excludeUnlistedClasses() { return true; }
      public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.ENABLE_SELECTIVE; }
      public ValidationMode getValidationMode() { return ValidationMode.NONE; }
      public Properties getProperties() { return new Properties(); }
      public String getPersistenceXMLSchemaVersion() { return "3.0"; }
      public ClassLoader getClassLoader() { return ServiceSqlCapture.class.getClassLoader(); }
      public void addTransformer(ClassTransformer transformer) {}
      public ClassLoader getNewTempClassLoader() { return ServiceSqlCapture.class.getClassLoader(); }
    };
  }
}
