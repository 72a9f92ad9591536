package org.iofs.fse.support;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser test starts from: the running platform, and a Chromium it opens and that is closed after. */
@PlatformTest
public abstract class BrowserIT {

	@LocalServerPort
	protected int port;

	protected ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

}
