package org.iofs.fse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestThreadsTest {

	@Test
	void requestsRunOnVirtualThreadsFromJava21UnlessSwitchedOff() {
		RequestThreads.Settings on = new RequestThreads.Settings(true);
		assertThat(RequestThreads.virtual(on, 17)).isFalse();
		assertThat(RequestThreads.virtual(on, 21)).isTrue();
		assertThat(RequestThreads.virtual(on, 25)).isTrue();
		assertThat(RequestThreads.virtual(new RequestThreads.Settings(false), 25)).isFalse();
	}

}
