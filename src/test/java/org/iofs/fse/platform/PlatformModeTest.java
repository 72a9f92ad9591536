package org.iofs.fse.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformModeTest {

	@Test
	void demoDataIsOnWithTheEmbeddedDatabase() {
		PlatformMode mode = new PlatformMode(new MockEnvironment());

		assertThat(mode.externalDatabase()).isFalse();
		assertThat(mode.demoData()).isTrue();
	}

	@Test
	void demoDataIsOffWithAnExternalDatabase() {
		PlatformMode mode = new PlatformMode(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/fse"));

		assertThat(mode.externalDatabase()).isTrue();
		assertThat(mode.demoData()).isFalse();
	}

	@Test
	void theDemoSettingOverridesEitherDefault() {
		PlatformMode externalWithDemo = new PlatformMode(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/fse")
			.withProperty("fse.demo", "true"));
		PlatformMode embeddedWithoutDemo = new PlatformMode(new MockEnvironment().withProperty("fse.demo", "false"));

		assertThat(externalWithDemo.demoData()).isTrue();
		assertThat(embeddedWithoutDemo.demoData()).isFalse();
	}

	@Test
	void aBlankDatabaseAddressMeansEmbedded() {
		PlatformMode mode = new PlatformMode(new MockEnvironment().withProperty("spring.datasource.url", " "));

		assertThat(mode.externalDatabase()).isFalse();
	}

}
