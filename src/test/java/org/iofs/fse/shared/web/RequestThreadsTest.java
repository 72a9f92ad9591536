package org.iofs.fse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RequestThreadsTest {

	@Test
	void requestsRunOnPlatformThreadsUnlessVirtualOnesAreAskedFor() {
		RequestThreads.Settings unset = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("fse.web.threads", RequestThreads.Settings.class);
		assertThat(RequestThreads.virtual(unset, 25)).isFalse();
		RequestThreads.Settings asked = new Binder(new MapConfigurationPropertySource(
				Map.of("fse.web.threads.virtual", "true"))).bindOrCreate("fse.web.threads", RequestThreads.Settings.class);
		assertThat(RequestThreads.virtual(asked, 25)).isTrue();
	}

	@Test
	void requestsRunOnVirtualThreadsFromJava21UnlessSwitchedOff() {
		RequestThreads.Settings on = new RequestThreads.Settings(true);
		assertThat(RequestThreads.virtual(on, 17)).isFalse();
		assertThat(RequestThreads.virtual(on, 21)).isTrue();
		assertThat(RequestThreads.virtual(on, 25)).isTrue();
		assertThat(RequestThreads.virtual(new RequestThreads.Settings(false), 25)).isFalse();
	}

}
