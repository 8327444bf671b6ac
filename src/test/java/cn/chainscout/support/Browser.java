package cn.chainscout.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through chromedriver; no browser is downloaded. */
public final class Browser {

	private Browser() {
	}

	public static WebDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("chainscout-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary("CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(binary("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		// The profile (a few MB a browser) goes with the browser.
		ChromeDriver driver = new ChromeDriver(service, options) {
			@Override
			public void quit() {
				try {
					super.quit();
				}
				finally {
					TestGraph.deleteRecursively(profile);
				}
			}
		};
		// A click that navigates returns before the next page is there; finding waits for it.
		driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
		return driver;
	}

	private static String binary(String env, String fallback) {
		String value = System.getenv(env);
		return value == null || value.isBlank() ? fallback : value;
	}
}
