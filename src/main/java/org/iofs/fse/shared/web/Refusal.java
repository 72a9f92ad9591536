package org.iofs.fse.shared.web;

import java.io.Serializable;
import java.util.function.Function;
import java.util.function.Supplier;

import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Why a form's action was refused, as its page tells the reader after the redirect: a code the message bundles
 * word in the reader's language ({@code refusal.INSUFFICIENT_STOCK}; {@code refusal.INVALID} for a value refused,
 * naming its field), and the service's own detail in English beside it, for support and for the API's readers.
 */
public record Refusal(String code, String field, String detail) implements Serializable {

	public static Refusal of(ConflictException ex) {
		return new Refusal(ex.reason(), null, ex.getMessage());
	}

	public static Refusal of(InvalidInputException ex) {
		return new Refusal("INVALID", ex.field(), ex.getMessage());
	}

	public static Refusal invalid(String field, String detail) {
		return new Refusal("INVALID", field, detail);
	}

	/**
	 * A form's action, posted then redirected: where its result leads, or, refused, back to the form with the reason
	 * as the flash attribute {@code error} (so that a reload never acts again).
	 */
	public static <T> String redirectAfter(Supplier<T> action, Function<T, String> success, String back,
			RedirectAttributes redirect) {
		try {
			return "redirect:" + success.apply(action.get());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", of(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", of(ex));
		}
		return "redirect:" + back;
	}

}
