package org.iofs.fse;

import java.util.List;

import org.iofs.fse.foodbalance.FaostatCommand;
import org.iofs.fse.platform.BackupCommand;
import org.iofs.fse.prices.WfpPricesCommand;
import org.iofs.fse.strategy.TradeMatrixCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The OIC Food Security Ecosystem platform: one application, one module per capability. */
@SpringBootApplication
public class FseApplication {

	public static void main(String[] args) {
		String command = args.length > 0 ? args[0] : "";
		if (List.of(FaostatCommand.NAME, TradeMatrixCommand.NAME, WfpPricesCommand.NAME, BackupCommand.BACKUP,
				BackupCommand.RESTORE).contains(command)) {
			// An ahead-of-time processed build holds the beans of the web platform; a command builds its own
			// context, without a web server, the ordinary way.
			System.clearProperty("spring.aot.enabled");
		}
		if (command.equals(FaostatCommand.NAME)) {
			System.exit(FaostatCommand.run(FseApplication.class, args));
		}
		if (command.equals(TradeMatrixCommand.NAME)) {
			System.exit(TradeMatrixCommand.run(FseApplication.class, args));
		}
		if (command.equals(WfpPricesCommand.NAME)) {
			System.exit(WfpPricesCommand.run(FseApplication.class, args));
		}
		if (command.equals(BackupCommand.BACKUP) || command.equals(BackupCommand.RESTORE)) {
			System.exit(BackupCommand.run(FseApplication.class, args));
		}
		SpringApplication.run(FseApplication.class, args);
	}

}
