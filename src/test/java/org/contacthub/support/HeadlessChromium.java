package org.contacthub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its ChromeDriver, headless, with a fresh profile and none of the
 * background traffic that a closed network refuses. Browser tests only ever point it at loopback.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // The pages' numbers are in their HTML; waiting for every font only slows a loaded machine.
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1500",
                "--user-data-dir=" + freshProfile());
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    /** A new profile under target/, so that the next clean build removes it rather than it piling up in /tmp. */
    private static Path freshProfile() {
        try {
            Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles"));
            return Files.createTempDirectory(profiles, "profile").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
