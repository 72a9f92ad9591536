package org.iofs.fse.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Which digits an Arabic reader sees: the Arabic-Indic ones (٠١٢) of Arabic pages by default, or the Western
 * ones (012) used across the Maghreb. {@code ?digits=latn} or {@code ?digits=arab} on any page chooses, and the
 * choice is remembered in a cookie like the language. The choice rides on the locale ({@code ar-u-nu-latn}), so
 * that every number and date the page formats, and the charts, follow it.
 */
final class DigitsPreference implements HandlerInterceptor {

	static final String COOKIE = "fse-digits";

	static final String PARAM = "digits";

	static final String WESTERN = "latn";

	static final String NATIVE = "arab";

	/** Arabic with Western digits. */
	static final Locale ARABIC_WESTERN_DIGITS = Locale.forLanguageTag("ar-u-nu-latn");

	private static final String ATTRIBUTE = DigitsPreference.class.getName();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String chosen = request.getParameter(PARAM);
		if (WESTERN.equals(chosen) || NATIVE.equals(chosen)) {
			request.setAttribute(ATTRIBUTE, chosen);
			response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen)
				.path("/")
				.maxAge(Duration.ofDays(365))
				.httpOnly(true)
				.sameSite("Lax")
				.build()
				.toString());
		}
		return true;
	}

	/** Whether this request's reader chose Western digits, now or before. */
	static boolean western(HttpServletRequest request) {
		Object chosen = request.getAttribute(ATTRIBUTE);
		if (chosen != null) {
			return WESTERN.equals(chosen);
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return WESTERN.equals(cookie.getValue());
				}
			}
		}
		return false;
	}

	/** The locale to read in: Arabic with Western digits when so chosen, otherwise the language's own. */
	static Locale apply(Locale language, HttpServletRequest request) {
		return "ar".equals(language.getLanguage()) && western(request) ? ARABIC_WESTERN_DIGITS : language;
	}

}
