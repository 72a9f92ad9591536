package org.iofs.fse.shared.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the proxies named in the setting are believed when they forward a client's address. */
class TrustedProxiesTest {

	@Test
	void noneNamedTrustsNobody() {
		String pattern = TrustedProxies.pattern(List.of());
		assertThat("127.0.0.1".matches(pattern)).isFalse();
		assertThat("10.0.0.5".matches(pattern)).isFalse();
		assertThat("192.168.1.1".matches(pattern)).isFalse();
	}

	@Test
	void exactlyTheNamedAddresses() {
		String pattern = TrustedProxies.pattern(List.of("10.0.0.5", " 10.0.0.6 "));
		assertThat("10.0.0.5".matches(pattern)).isTrue();
		assertThat("10.0.0.6".matches(pattern)).isTrue();
		assertThat("10.0.0.51".matches(pattern)).isFalse();
		assertThat("10a0b0c5".matches(pattern)).isFalse();
	}

}
