package org.iofs.fse.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PagesOnlyFilterTest {

	@Test
	void apiRequestsPassThePageFilterByAndPagesGoThroughIt() throws Exception {
		List<String> filtered = new ArrayList<>();
		Filter page = (request, response, chain) -> {
			filtered.add(((MockHttpServletRequest) request).getRequestURI());
			chain.doFilter(request, response);
		};
		PagesOnlyFilter filter = new PagesOnlyFilter(page);

		for (String uri : List.of("/api/v1/hubs/X/issues", "/trade", "/apiary", "/", "/api", "/login")) {
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(uri).isNotNull();
		}

		assertThat(filtered).containsExactly("/trade", "/apiary", "/", "/api", "/login");
	}

	@Test
	void theApiIsRecognisedUnderAContextPath() {
		MockHttpServletRequest api = new MockHttpServletRequest("POST", "/fse/api/v1/auth/tokens");
		api.setContextPath("/fse");
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/fse/trade");
		page.setContextPath("/fse");
		MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/api/v1/countries");
		elsewhere.setContextPath("/fse");

		assertThat(PagesOnlyFilter.isApi(api)).isTrue();
		assertThat(PagesOnlyFilter.isApi(page)).isFalse();
		assertThat(PagesOnlyFilter.isApi(elsewhere)).isFalse();
	}

}
