package org.ehcpathway.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a user sees it: log in, pick a filter, open a case's task, claim it, fill its Camunda
 * Form (form-js 1.8) by the labels on screen, and press Complete. Every step waits for what it needs to see.
 */
final class Tasklist {

  private static final Pattern FILTER_ID = Pattern.compile("[?&]filter=([^&]+)");
  private static final Pattern TASK_ID = Pattern.compile("[?&]task=([^&]+)");
  /** form-js 1.8's date picker takes dates as typed in its placeholder, mm/dd/yyyy. */
  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final ChromeDriver browser;
  private final String app;
  private final WebDriverWait wait;
  private final BrowserClock clock;

  Tasklist(ChromeDriver browser, String baseUrl) {
    this.browser = browser;
    this.app = baseUrl + "/camunda/app/tasklist/default/";
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    this.clock = new BrowserClock(browser);
  }

  void logIn(String user) {
    clock.follow();
    browser.get(app);
    By username = By.cssSelector("input[ng-model=username]");
    By filters = By.cssSelector(".task-filter");
    wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(username),
        ExpectedConditions.visibilityOfElementLocated(filters)));
    if (!browser.findElements(filters).isEmpty()) {
      logOut();   // left signed in by a test that failed half-way
    }
    visible(username).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    visible(By.cssSelector(".task-filter"));
  }

  void logOut() {
    click(browser.findElement(By.cssSelector("li.account a.dropdown-toggle")));
    click(visible(By.cssSelector("li.logout a")));
    visible(By.cssSelector("input[ng-model=username]"));
  }

  /**
   * Opens the task from the filter (e.g. "My team's tasks"), narrowed to the case by Tasklist's search
   * "Task Variable caseReference = ref", and returns the task's id. Other cases share the list, so the search
   * keeps the test to its own case.
   */
  String open(String filter, String caseReference, String taskName) {
    click(filterLink(filter));
    String filterId = wait.until(d -> match(FILTER_ID, d.getCurrentUrl()));
    String search = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"name\":\"caseReference\",\"value\":\""
        + caseReference + "\"}]";
    browser.get(app + "#/?filter=" + filterId + "&searchQuery=" + encode(search));
    By card = By.xpath("//li[contains(@class,'task')][.//h4[contains(@class,'task')]/a[normalize-space(.)="
        + literal(taskName) + "]][contains(normalize-space(.)," + literal(caseReference) + ")]//h4/a");
    click(visible(card));
    By header = By.xpath("//div[contains(@class,'fjs-form-field-text')][contains(normalize-space(.),"
        + literal(caseReference) + ")]");
    visible(header);
    return wait.until(d -> match(TASK_ID, d.getCurrentUrl()));
  }

  int taskCount(String filter) {
    WebElement link = filterLink(filter);
    click(link);
    WebElement counter = link.findElement(By.cssSelector(".counter"));
    wait.until(d -> counter.isDisplayed() && !counter.getText().isBlank());
    return Integer.parseInt(counter.getText().trim());
  }

  void claim() {
    click(visible(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
  }

  String text() {
    return visible(By.cssSelector(".fjs-form")).getText();
  }

  void type(String label, String text) {
    WebElement field = input(label);
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
    field.clear();
    field.sendKeys(text);
  }

  String valueOf(String label) {
    return input(label).getDomProperty("value");
  }

  /** A radio button or checklist box, by the words beside it. */
  void choose(String option) {
    WebElement box = optionBox(option);
    if (!box.isSelected()) {
      click(box);
    }
  }

  void untick(String option) {
    WebElement box = optionBox(option);
    if (box.isSelected()) {
      click(box);
    }
  }

  boolean isChosen(String option) {
    return optionBox(option).isSelected();
  }

  void tick(String checkboxLabel) {
    choose(checkboxLabel);
  }

  void select(String label, String option) {
    WebElement field = visible(By.xpath("//div[contains(@class,'fjs-form-field-select')][label[starts-with("
        + "normalize-space(.)," + literal(label) + ")]]"));
    click(field.findElement(By.cssSelector(".fjs-input-group")));
    click(field.findElement(By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)="
        + literal(option) + "]")));
    wait.until(d -> field.findElement(By.cssSelector(".fjs-select-display")).getText().equals(option));
  }

  void date(String label, LocalDate date) {
    WebElement field = input(label);
    field.clear();
    field.sendKeys(date.format(FORM_JS_DATE), Keys.ENTER);
    field.sendKeys(Keys.TAB);
  }

  void complete() {
    click(wait.until(ExpectedConditions.elementToBeClickable(completeButton())));
  }

  /** The form's own messages under each field, e.g. "Field is required." */
  List<String> fieldErrors() {
    return browser.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  /** Waits for Tasklist's red notification (a refused completion) and returns its text. */
  String errorNotification() {
    return visible(By.cssSelector(".page-notifications .alert-danger")).getText();
  }

  void closeNotifications() {
    for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .noneMatch(WebElement::isDisplayed));
  }

  /** Waits until Tasklist has taken the completed task away. */
  void waitUntilGone() {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /**
   * Scrolls the element to the middle of its pane first (Tasklist's footer covers the bottom of the form) and
   * closes Tasklist's notifications ("claimed", ...) when they lie over it, as a user would.
   */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    try {
      element.click();
    } catch (ElementClickInterceptedException covered) {
      closeNotifications();
      element.click();
    }
  }

  private By completeButton() {
    return By.cssSelector(".form-actions button[ng-click='complete()']");
  }

  private WebElement filterLink(String filter) {
    return visible(By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(.),"
        + literal(filter) + ")]"));
  }

  private WebElement input(String label) {
    WebElement labelElement = visible(By.xpath("//form[contains(@class,'fjs-form')]//label[contains(@class,"
        + "'fjs-form-field-label')][@for][starts-with(normalize-space(.)," + literal(label) + ")]"));
    return browser.findElement(By.id(labelElement.getDomAttribute("for")));
  }

  private WebElement optionBox(String option) {
    return visible(By.xpath("//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),"
        + literal(option) + ")]//input"));
  }

  private WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static String match(Pattern pattern, String url) {
    Matcher matcher = pattern.matcher(url);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An XPath string literal for text that may hold an apostrophe ("My team's tasks"). */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
