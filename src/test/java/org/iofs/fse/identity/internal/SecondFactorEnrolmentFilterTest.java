package org.iofs.fse.identity.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Where two-step verification is compulsory, an administrator without it reaches only the page that turns it on. */
class SecondFactorEnrolmentFilterTest {

	@Test
	void anAdministratorWithoutItIsSentToTurnItOn() throws Exception {
		SecondFactorEnrolmentFilter filter = new SecondFactorEnrolmentFilter(() -> true, () -> true);

		assertThat(call(filter, "/admin/users").getRedirectedUrl()).isEqualTo("/account/security?required");
		assertThat(call(filter, "/").getRedirectedUrl()).isEqualTo("/account/security?required");
		assertThat(call(filter, "/account/security").getRedirectedUrl()).isNull();
		assertThat(call(filter, "/account/security/second-factor/begin").getRedirectedUrl()).isNull();
		assertThat(call(filter, "/logout").getRedirectedUrl()).isNull();
		assertThat(call(filter, "/css/app.css").getRedirectedUrl()).isNull();
	}

	@Test
	void nobodyElseIsHeldUp() throws Exception {
		assertThat(call(new SecondFactorEnrolmentFilter(() -> false, () -> true), "/admin/users").getRedirectedUrl()).isNull();
		assertThat(call(new SecondFactorEnrolmentFilter(() -> true, () -> false), "/admin/users").getRedirectedUrl()).isNull();
	}

	private static MockHttpServletResponse call(SecondFactorEnrolmentFilter filter, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
