package org.centralis.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for one browser test: Debian's chromium and chromedriver (paths can be
 * overridden by system properties), a sign-in helper, and numbered screenshots of each step in
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path screenshots;
  private final Path downloads;
  private final String testName;
  private int step;

  private Browser(URL deployed, TestInfo info) {
    String url = deployed.toString();
    base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    screenshots = Path.of(System.getProperty("centralis.it.screenshots", "target/screenshots"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("centralis.it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    try {
      downloads = Files.createTempDirectory("centralis-downloads");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    options.setExperimentalOption("prefs", java.util.Map.of(
        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(System.getProperty("centralis.it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    String method = info.getTestMethod().map(m -> m.getName()).orElse("test");
    // A parameterized run is displayed by its parameter (the login): keep it in the file names.
    testName = info.getDisplayName().startsWith(method) ? method : method + "-" + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
  }

  public static Browser open(URL deployed, TestInfo info) {
    return new Browser(deployed, info);
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait await() {
    return wait;
  }

  /** The application's base URL, without a trailing slash. */
  public String base() {
    return base;
  }

  /** Signs in on the login page; returns once the page left the login form or shows its error. */
  public void signIn(String login) {
    driver.get(base + "/login.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username"))).sendKeys(login);
    driver.findElement(By.id("loginForm:password")).sendKeys(Api.PASSWORD);
    driver.findElement(By.id("loginForm:signIn")).click();
    wait.until(b -> !b.getCurrentUrl().contains("/login.xhtml") || !b.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
  }

  /**
   * Clicks an element after scrolling it to the middle of the window (the sticky header covers the top); an element
   * redrawn by an Ajax update meanwhile is looked up again.
   */
  public void click(By element) {
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(d -> {
      WebElement e = d.findElement(element);
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
      if (!e.isDisplayed() || !e.isEnabled()) {
        return false;
      }
      e.click();
      return true;
    });
  }

  /** Picks the option with this label in a PrimeFaces selectOneMenu. */
  public void choose(String clientId, String label) {
    pick(clientId, By.cssSelector("[id='" + clientId + "_panel'] li.ui-selectonemenu-item[data-label='" + label + "']"), d -> shown(d, clientId).contains(label));
  }

  /** Picks the first option whose label contains {@code part} (category and branch labels are indented). */
  public void chooseContaining(String clientId, String part) {
    pick(clientId, By.xpath("//*[@id='" + clientId + "_panel']//li[contains(@data-label, '" + part + "')]"), d -> shown(d, clientId).contains(part));
  }

  /** Picks the first real option of a PrimeFaces selectOneMenu (not its "please choose" entry). */
  public void chooseFirst(String clientId) {
    By item = By.cssSelector("[id='" + clientId + "_panel'] li.ui-selectonemenu-item:not(.ui-noselection-option)");
    pick(clientId, item, d -> !String.valueOf(((JavascriptExecutor) d).executeScript("return document.getElementById(arguments[0]).value;", clientId + "_input")).isEmpty());
  }

  private static String shown(WebDriver d, String clientId) {
    return d.findElement(By.id(clientId + "_label")).getText();
  }

  /**
   * Opens the menu, scrolls the item into its panel's view and clicks it, until the menu's label shows it: with
   * Chromium 156 a click on an item below the panel's fold could land on the item above it, which closes the panel
   * with the wrong choice; the loop then opens it again.
   */
  private void pick(String clientId, By item, java.util.function.Predicate<WebDriver> chosen) {
    By panel = By.id(clientId + "_panel");
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class)
        .until(d -> {
          if (!d.findElement(panel).isDisplayed()) {
            d.findElement(By.id(clientId)).click();
            return false;
          }
          WebElement option = d.findElement(item);
          ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'nearest'});", option);
          option.click();
          return chosen.test(d);
        });
    wait.until(ExpectedConditions.invisibilityOfElementLocated(panel));
  }

  /** Clicks a download button and returns the file the browser saved (waits until it is complete). */
  public Path download(By button) {
    java.util.Set<Path> before = files(downloads);
    click(button);
    return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200)).until(d -> files(downloads).stream()
        .filter(f -> !before.contains(f) && !f.toString().endsWith(".crdownload") && !f.toString().endsWith(".tmp"))
        .findFirst().orElse(null));
  }

  private static java.util.Set<Path> files(Path dir) {
    try (java.util.stream.Stream<Path> list = Files.list(dir)) {
      return list.collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void screenshot(String what) {
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(String.format("%s-%02d-%s.png", testName, ++step, what));
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(downloads)) { // one per session: left, they pile up in /tmp run after run
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is no test failure
    }
  }
}
