package org.iofs.fse.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, found through an index of their leading literal path segments. For an address with
 * a variable ({@code /api/v1/hubs/DEMO-HUB-1/receipts}) Spring tests every one of the platform's several hundred
 * mappings in turn: 13 % of the request threads' time in a profile of the stock ledger's benchmark, 3 % with this
 * index (about a seventh less of the platform's CPU time per movement, bench/README.md). Here only the mappings
 * whose literal beginning ({@code /api/v1/hubs}) is a beginning of the address are tested, with Spring's own test
 * and its own order of preference, so the handler chosen is the one Spring would choose. Whatever is not a plain
 * choice of one mapping (an address with no variable, which Spring finds in a hash table of its own; a CORS
 * pre-flight; no mapping or two equally good ones, whose error answers Spring words) goes to Spring's lookup.
 */
class IndexedRequestMappings extends RequestMappingHandlerMapping {

	private volatile Index index;

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		index = null;
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Index current = index();
		if (!current.usable() || current.directPaths().contains(lookupPath) || CorsUtils.isPreFlightRequest(request)
				|| !ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> matches = new ArrayList<>(2);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> candidate : current
			.candidates(ServletRequestPathUtils.getParsedRequestPath(request))) {
			RequestMappingInfo match = getMatchingMapping(candidate.getKey(), request);
			if (match != null) {
				matches.add(Map.entry(match, candidate.getValue()));
			}
		}
		if (matches.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		if (matches.size() > 1) {
			Comparator<RequestMappingInfo> preference = getMappingComparator(request);
			matches.sort((a, b) -> preference.compare(a.getKey(), b.getKey()));
			if (preference.compare(matches.get(0).getKey(), matches.get(1).getKey()) == 0) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
		}
		Map.Entry<RequestMappingInfo, HandlerMethod> best = matches.get(0);
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.getValue());
		handleMatch(best.getKey(), lookupPath, request);
		return best.getValue();
	}

	/** Spring's own lookup, for the test that compares the two. */
	HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	private Index index() {
		Index current = index;
		if (current == null) {
			// Literal segments are compared as they are only when patterns are case-sensitive (Spring's default).
			boolean caseSensitive = getPatternParser() != null && getPatternParser().isCaseSensitive();
			current = caseSensitive ? Index.of(getHandlerMethods()) : Index.UNUSABLE;
			index = current;
		}
		return current;
	}

	/**
	 * The mappings by the literal segments their patterns begin with ("" for a pattern that begins with a
	 * variable), and the addresses without variables. Not usable when a mapping has no parsed path patterns
	 * (Spring's older string matching), whose beginnings cannot be read the same way.
	 */
	private record Index(boolean usable, Set<String> directPaths,
			Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> byBeginning) {

		static final Index UNUSABLE = new Index(false, Set.of(), Map.of());

		static Index of(Map<RequestMappingInfo, HandlerMethod> mappings) {
			Set<String> directPaths = new HashSet<>();
			Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> byBeginning = new HashMap<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.entrySet()) {
				PathPatternsRequestCondition patterns = mapping.getKey().getPathPatternsCondition();
				if (patterns == null) {
					return UNUSABLE;
				}
				directPaths.addAll(patterns.getDirectPaths());
				Set<String> beginnings = new HashSet<>();
				for (PathPattern pattern : patterns.getPatterns()) {
					beginnings.add(literalBeginning(pattern.getPatternString()));
				}
				for (String beginning : beginnings) {
					byBeginning.computeIfAbsent(beginning, key -> new ArrayList<>()).add(mapping);
				}
			}
			return new Index(true, directPaths, byBeginning);
		}

		/** The segments before the first one holding a variable or a wildcard: "/api/v1/hubs/{code}" → "/api/v1/hubs". */
		static String literalBeginning(String pattern) {
			StringBuilder beginning = new StringBuilder();
			for (String segment : pattern.split("/")) {
				if (segment.isEmpty()) {
					if (beginning.isEmpty()) {
						continue; // the leading separator
					}
					break;
				}
				if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
					break;
				}
				beginning.append('/').append(segment);
			}
			return beginning.toString();
		}

		/** The mappings whose literal beginning is a beginning of the request's path, segment by segment. */
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates(RequestPath path) {
			List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates = new ArrayList<>(
					byBeginning.getOrDefault("", List.of()));
			StringBuilder beginning = new StringBuilder();
			for (PathContainer.Element element : path.pathWithinApplication().elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					beginning.append('/').append(segment.valueToMatch());
					candidates.addAll(byBeginning.getOrDefault(beginning.toString(), List.of()));
				}
			}
			return candidates;
		}

	}

}
