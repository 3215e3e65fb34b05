package org.whistle.systemtests.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian with Debian's chromedriver, both named by path so Selenium Manager never looks for
 * (or downloads) a browser or a driver.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    static boolean present() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A phone: 375 × 812 CSS pixels at twice the density, touch, a mobile user agent. */
    static ChromeDriver phone() {
        var options = options();
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", 375, "height", 812, "pixelRatio", 2.0, "touch", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/150.0 Mobile Safari/537.36"));
        return start(options, null);
    }

    /** A command centre's wall screen, 1920 × 1080. */
    static ChromeDriver bigScreen() {
        return start(options(), new Dimension(1920, 1080));
    }

    private static ChromeOptions options() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The pages' console messages (script errors, refused loads) are printed when a wait times out.
        var logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=1920,1080"));
        return options;
    }

    private static ChromeDriver start(ChromeOptions options, Dimension size) {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (size != null) {
            driver.manage().window().setSize(size);
        }
        return driver;
    }
}
