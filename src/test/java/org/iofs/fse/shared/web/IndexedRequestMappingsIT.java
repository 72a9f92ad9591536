package org.iofs.fse.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed lookup chooses, for an address made from each of the platform's request mappings, the handler that
 * Spring's own lookup over every mapping chooses (or fails the same way), and the same path variables.
 */
@PlatformTest
class IndexedRequestMappingsIT {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void choosesWhatSpringChoosesForEveryMapping() throws Exception {
		assertThat(mappings).isInstanceOf(IndexedRequestMappings.class);
		IndexedRequestMappings indexed = (IndexedRequestMappings) mappings;
		List<String> compared = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : indexed.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (PathPattern pattern : mapping.getKey().getPathPatternsCondition().getPatterns()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String path = address(pattern.getPatternString());
					Choice ours = choose(indexed, method, path, true);
					Choice spring = choose(indexed, method, path, false);
					assertThat(ours).as(method + " " + path).isEqualTo(spring);
					compared.add(method + " " + path);
				}
			}
		}
		assertThat(compared).hasSizeGreaterThan(300).contains("POST /api/v1/hubs/code1/receipts");
	}

	@Test
	void anAddressOfNoMappingIsLeftToSpringsAnswer() throws Exception {
		IndexedRequestMappings indexed = (IndexedRequestMappings) mappings;
		assertThat(choose(indexed, RequestMethod.GET, "/api/v1/hubs/x1/no-such-thing", true))
			.isEqualTo(choose(indexed, RequestMethod.GET, "/api/v1/hubs/x1/no-such-thing", false));
		assertThat(choose(indexed, RequestMethod.DELETE, "/api/v1/hubs/x1/receipts", true).failure())
			.isEqualTo("HttpRequestMethodNotSupportedException");
	}

	/** A pattern's address with a value for each variable, and two segments for a trailing wildcard. */
	private static String address(String pattern) {
		Matcher variables = VARIABLE.matcher(pattern.replace("/**", "/a/b"));
		StringBuilder address = new StringBuilder();
		while (variables.find()) {
			variables.appendReplacement(address, variables.group(1).replaceAll("\\W", "") + "1");
		}
		return variables.appendTail(address).toString();
	}

	private static Choice choose(IndexedRequestMappings mappings, RequestMethod method, String path, boolean indexed) {
		MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerMethod handler = indexed ? mappings.lookupHandlerMethod(path, request)
					: mappings.springLookup(path, request);
			return new Choice(handler == null ? null : handler.getMethod().toGenericString(),
					String.valueOf(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)), null);
		}
		catch (Exception ex) {
			return new Choice(null, null, ex.getClass().getSimpleName());
		}
	}

	private record Choice(String handler, String variables, String failure) {
	}

}
