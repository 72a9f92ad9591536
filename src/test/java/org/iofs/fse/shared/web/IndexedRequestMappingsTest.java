package org.iofs.fse.shared.web;

import java.lang.reflect.Method;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where several mappings fit an address, the indexed lookup prefers the one Spring prefers (the most specific
 * pattern, then the method), reads the same path variables, and leaves a wrong method to Spring's answer.
 */
class IndexedRequestMappingsTest {

	private final IndexedRequestMappings mappings = new IndexedRequestMappings();

	@BeforeEach
	void register() throws NoSuchMethodException {
		map("/a/{x}/b", RequestMethod.GET, "specific");
		map("/a/{x}/{y}", RequestMethod.GET, "general");
		map("/a/**", RequestMethod.GET, "rest");
		map("/a/{x}/b", RequestMethod.POST, "posted");
		map("/{lang}/c", RequestMethod.GET, "translated");
		map("/a/fixed", RequestMethod.GET, "fixed");
	}

	@ParameterizedTest
	@CsvSource({ "GET, /a/1/b, specific, {x=1}", "GET, /a/1/z, general, '{x=1, y=z}'", "GET, /a/1/2/3, rest, {}",
			"POST, /a/1/b, posted, {x=1}", "GET, /en/c, translated, {lang=en}", "GET, /a/fixed, fixed, {}",
			"DELETE, /a/1/b, HttpRequestMethodNotSupportedException, null",
			"GET, /nothing/here, NoResourceFoundException, null" })
	void choosesWhatSpringChooses(String method, String path, String expected, String variables) {
		assertThat(choose(method, path, true)).isEqualTo(expected + " " + variables);
		assertThat(choose(method, path, false)).isEqualTo(expected + " " + variables);
	}

	private String choose(String method, String path, boolean indexed) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerMethod handler = indexed ? mappings.lookupHandlerMethod(path, request)
					: mappings.springLookup(path, request);
			String name = handler == null ? "NoResourceFoundException" : handler.getMethod().getName();
			return name + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName() + " null";
		}
	}

	private void map(String pattern, RequestMethod method, String handlerMethod) throws NoSuchMethodException {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(PathPatternParser.defaultInstance);
		Method target = Handlers.class.getDeclaredMethod(handlerMethod);
		mappings.registerMapping(RequestMappingInfo.paths(pattern).methods(method).options(options).build(),
				new Handlers(), target);
	}

	static class Handlers {

		void specific() {
		}

		void general() {
		}

		void rest() {
		}

		void posted() {
		}

		void translated() {
		}

		void fixed() {
		}

	}

}
