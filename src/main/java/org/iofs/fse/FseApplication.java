package org.iofs.fse;

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
		if (args.length > 0 && args[0].equals(FaostatCommand.NAME)) {
			System.exit(FaostatCommand.run(FseApplication.class, args));
		}
		if (args.length > 0 && args[0].equals(TradeMatrixCommand.NAME)) {
			System.exit(TradeMatrixCommand.run(FseApplication.class, args));
		}
		if (args.length > 0 && args[0].equals(WfpPricesCommand.NAME)) {
			System.exit(WfpPricesCommand.run(FseApplication.class, args));
		}
		if (args.length > 0 && (args[0].equals(BackupCommand.BACKUP) || args[0].equals(BackupCommand.RESTORE))) {
			System.exit(BackupCommand.run(FseApplication.class, args));
		}
		SpringApplication.run(FseApplication.class, args);
	}

}
