package org.iofs.fse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port, against the suite's one PostgreSQL. Every integration test uses this same
 * configuration, so Spring builds the context once and caches it for the run.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
// The database's address is known only to the initializer, which runs after the settings are read: a placeholder says
// from the start that the database is external, so that no embedded server is started on ./data for nothing.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:postgresql://localhost/set-by-the-initializer")
@ContextConfiguration(initializers = SharedTestDatabase.class)
@Import(TestClock.Configuration.class)
public @interface PlatformTest {

}
