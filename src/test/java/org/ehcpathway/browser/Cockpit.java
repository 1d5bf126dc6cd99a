package org.ehcpathway.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Cockpit 7.24, as a manager reads it: sign in, open a process's running instances, sign out. */
final class Cockpit {

  private final ChromeDriver browser;
  private final String app;
  private final WebDriverWait wait;

  Cockpit(ChromeDriver browser, String baseUrl) {
    this.browser = browser;
    this.app = baseUrl + "/camunda/app/cockpit/default/";
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  void logIn(String user) {
    browser.get(app);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account a.dropdown-toggle")));
  }

  /** The process definition's page: its diagram with the number of cases at each step, and the instance list. */
  String runningInstances(String processDefinitionId, String expectedText) {
    browser.get(app + "#/process-definition/" + processDefinitionId + "/runtime");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expectedText));
    return browser.findElement(By.tagName("body")).getText();
  }

  void logOut() {
    browser.findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.logout a"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }
}
