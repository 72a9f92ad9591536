package org.iofs.fse;

import java.util.Map;

import org.iofs.fse.foodbalance.FaostatCommand;
import org.iofs.fse.platform.BackupCommand;
import org.iofs.fse.prices.WfpPricesCommand;
import org.iofs.fse.strategy.TradeMatrixCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The OIC Food Security Ecosystem platform: one application, one module per capability. */
@SpringBootApplication
public class FseApplication {

	/** A command run instead of the web platform: its context, its work, and the process's exit status. */
	private interface Command {

		int run(Class<?> application, String[] args);

	}

	private static final Map<String, Command> COMMANDS = Map.of(FaostatCommand.NAME, FaostatCommand::run,
			TradeMatrixCommand.NAME, TradeMatrixCommand::run, WfpPricesCommand.NAME, WfpPricesCommand::run,
			BackupCommand.BACKUP, BackupCommand::run, BackupCommand.RESTORE, BackupCommand::run);

	public static void main(String[] args) {
		Command command = args.length > 0 ? COMMANDS.get(args[0]) : null;
		if (command != null) {
			// An ahead-of-time processed build holds the beans of the web platform; a command builds its own
			// context, without a web server, the ordinary way.
			System.clearProperty("spring.aot.enabled");
			System.exit(command.run(FseApplication.class, args));
		}
		ConfigurableApplicationContext platform = SpringApplication.run(FseApplication.class, args);
		if (platform.getEnvironment().getProperty("fse.exit-when-ready", Boolean.class, false)) {
			// A training run of Java's ahead-of-time cache (README, "Starting faster"): the whole start, its work once
			// ready included, then the stop of a service, so that the cache holds every class a start loads.
			System.exit(SpringApplication.exit(platform));
		}
	}

}
