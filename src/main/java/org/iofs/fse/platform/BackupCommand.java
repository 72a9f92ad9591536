package org.iofs.fse.platform;

import org.iofs.fse.platform.internal.DatabaseBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fse-platform.jar backup FILE} and {@code restore FILE [--replace]}: the platform's data to one
 * file and back, on the same database settings as the platform (the embedded database of {@code fse.data-dir}, or
 * the external one of {@code spring.datasource.url}), without starting the web server or generating demo data.
 * Whoever can run the platform's jar against its database is trusted as its administrator.
 */
public final class BackupCommand {

	public static final String BACKUP = "backup";

	public static final String RESTORE = "restore";

	private BackupCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		String command = args[0];
		List<String> files = new ArrayList<>();
		List<String> springArgs = new ArrayList<>(List.of("--fse.demo=false"));
		boolean replace = false;
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--replace")) {
				replace = true;
			}
			else if (args[i].startsWith("--")) {
				springArgs.add(args[i]);
			}
			else {
				files.add(args[i]);
			}
		}
		if (files.size() != 1 || (command.equals(RESTORE) && !Files.isRegularFile(Path.of(files.get(0))))) {
			System.err.println("usage: java -jar fse-platform.jar backup FILE | restore FILE [--replace]");
			return 64;
		}
		Path file = Path.of(files.get(0)).toAbsolutePath();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run(springArgs.toArray(String[]::new))) {
			DatabaseBackup backup = context.getBean(DatabaseBackup.class);
			if (command.equals(BACKUP)) {
				Map<String, Long> rows = backup.backup(file);
				System.out.println("Backup written to " + file + ": " + rows.size() + " tables, "
						+ rows.values().stream().mapToLong(Long::longValue).sum() + " rows");
			}
			else {
				DatabaseBackup.Restored restored = backup.restore(file, replace);
				System.out.println("Restored " + file + " at schema version " + restored.schemaVersion() + ": "
						+ restored.rows().size() + " tables, "
						+ restored.rows().values().stream().mapToLong(Long::longValue).sum() + " rows");
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(command + " refused: " + ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			System.err.println(command + " failed: " + ex.getMessage());
			return 1;
		}
	}

}
