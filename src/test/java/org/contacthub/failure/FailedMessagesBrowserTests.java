package org.contacthub.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.contacthub.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Support staff in headless Chromium: sign in, filter the failed list, replay one, and see it leave the list. */
class FailedMessagesBrowserTests extends HubServer {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void supportStaffFilterReplayOneMessageAndSeeItLeaveTheFailedList() {
        formsApiHasNothingNew();
        long chosen = seedWebformFailure("browser-1", "browser-chosen");
        long other = seedWebformFailure("browser-2", "browser-other");

        signInAsSupportToTheFailedList();
        new Select(browser.findElement(By.id("source"))).selectByValue("webform");
        browser.findElement(By.id("errorType")).sendKeys("browser-chosen");
        browser.findElement(By.id("apply-filter")).click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#total span"), "1"));
        assertThat(browser.findElements(By.id("message-" + chosen))).hasSize(1);
        assertThat(browser.findElements(By.id("message-" + other))).isEmpty();

        browser.findElement(By.id("replay-" + chosen)).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "replayed"));
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("support")
                .contains("replay");
        browser.get(baseUrl() + "/failed-messages?source=webform&errorType=browser-chosen&status=failed");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#total span"), "0"));
        assertThat(browser.findElements(By.id("message-" + chosen))).isEmpty();
        assertThat(status(chosen)).isEqualTo("replayed");
        assertThat(status(other)).isEqualTo("failed");
    }

    /** Asks for the failed list, is sent to sign in, and comes back to the list signed in. */
    private void signInAsSupportToTheFailedList() {
        browser.get(baseUrl() + "/failed-messages");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        browser.findElement(By.id("username")).sendKeys("support");
        browser.findElement(By.id("password")).sendKeys("support", Keys.ENTER);
        wait.withMessage(() -> "still at " + browser.getCurrentUrl() + " " + browser.getTitle())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("apply-filter")));
    }
}
