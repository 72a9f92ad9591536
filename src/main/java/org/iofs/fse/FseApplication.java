package org.iofs.fse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The OIC Food Security Ecosystem platform: one application, one module per capability. */
@SpringBootApplication
public class FseApplication {

	public static void main(String[] args) {
		SpringApplication.run(FseApplication.class, args);
	}

}
