package org.contacthub.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contacthub.support.HeadlessChromium;
import org.contacthub.support.HubTestContext;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium: a viewer signs in, changes the period and the department, and
 * sees the same numbers the database holds. Also takes the screenshot shown in the README, into
 * target/dashboard.png or wherever {@code -Ddashboard.screenshot} says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests {

    private static final LocalDate TODAY = LocalDate.now(DashboardController.REPORTING_ZONE);
    private static final String DEPARTMENT = "Environment and Infrastructure";
    private static final String COUNT_BY_CHANNEL = """
            select e.channel, count(*) from contact_event e
              join contact_point p on p.channel = e.channel and p.identifier = e.contact_point and p.registered
               and e.reporting_day >= p.valid_from and (p.valid_to is null or e.reporting_day <= p.valid_to)
             where e.reporting_day between ? and ? and p.department = ?
             group by e.channel""";

    private static TestPostgres.TestDatabase database;
    private static boolean historyWritten;

    @LocalServerPort
    private int port;

    private WebDriver browser;
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database = HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/registry.yaml");
    }

    @BeforeEach
    void historyAndBrowser() throws SQLException {
        jdbc = new JdbcTemplate(database.dataSource());
        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPoints() > 10);
        if (!historyWritten) {
            GeneratedHistory.write(database.dataSource(), TODAY.minusDays(430), TODAY.minusDays(1), TODAY);
            historyWritten = true;
        }
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void showsTheDatabasesNumbersAfterChangingPeriodAndDepartment() {
        signIn();
        browser.get(url("/dashboard"));
        LocalDate from = TODAY.minusDays(70);
        LocalDate to = TODAY.minusDays(15);

        setDate("from", from);
        setDate("to", to);
        new Select(browser.findElement(By.id("department"))).selectByVisibleText(DEPARTMENT);
        browser.findElement(By.id("show")).click();
        waitFor(By.cssSelector("#breakdown h2"));

        assertThat(browser.findElement(By.cssSelector(".govuk-breadcrumbs")).getText())
                .contains(DEPARTMENT);
        assertThat(shownTotals()).isEqualTo(databaseTotals(from, to));
        assertThat(browser.findElement(By.cssSelector("#breakdown h2")).getText())
                .isEqualTo("Contacts by service");
    }

    @Test
    void drillsDownFromCouncilToContactPoint() {
        signIn();
        browser.get(url("/dashboard?preset=last-4-weeks"));

        browser.findElement(By.linkText(DEPARTMENT)).click();
        browser.findElement(By.linkText("Highways")).click();
        browser.findElement(By.cssSelector("#breakdown-table tbody a")).click();

        assertThat(browser.findElements(By.cssSelector(".govuk-breadcrumbs__list-item")))
                .hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#breakdown-table tbody tr")))
                .hasSize(1);
    }

    @Test
    void savesAScreenshotOfTheWholeCouncil() throws IOException {
        signIn();
        browser.manage().window().setSize(new Dimension(1280, 1500));

        browser.get(url("/dashboard?preset=last-13-weeks"));
        waitFor(By.cssSelector("[data-chart-for='trend-table'] canvas"));

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of(System.getProperty("dashboard.screenshot", "target/dashboard.png"));
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(browser.findElements(By.cssSelector("#highs-and-lows-table tbody tr")))
                .isNotEmpty();
        assertThat(Files.size(target)).isPositive();
    }

    private Map<String, Long> shownTotals() {
        Map<String, Long> shown = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#channel-totals-table tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String channel = cells.get(0).getText();
            if (!channel.equals("All channels")) {
                shown.put(channel, Long.parseLong(cells.get(1).getText().replace(",", "")));
            }
        }
        return shown;
    }

    private Map<String, Long> databaseTotals(LocalDate from, LocalDate to) {
        Map<String, Long> totals = new HashMap<>();
        jdbc.query(
                COUNT_BY_CHANNEL,
                rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                },
                from,
                to,
                DEPARTMENT);
        return totals;
    }

    private void signIn() {
        browser.get(url("/dashboard"));
        waitFor(By.id("sign-in"));
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("viewer", Keys.ENTER);
        waitFor(By.id("period-form"));
    }

    private void setDate(String id, LocalDate day) {
        // Typing into a date input depends on the browser's locale; setting its value does not.
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), day.toString());
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .withMessage(() -> "still at " + browser.getCurrentUrl() + ": " + pageText())
                .until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private String pageText() {
        String text = browser.findElement(By.tagName("body")).getText();
        return text.substring(0, Math.min(text.length(), 600));
    }

    private long registeredPoints() {
        return jdbc.queryForObject("select count(*) from contact_point where registered", Long.class);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
