package org.iofs.fse.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page about something that does not exist answers with the localized "not found" page and status 404; a value
 * refused with 400, an action the current state refuses with 409.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model) {
		model.addAttribute("errorKind", "404");
		return ErrorPages.VIEW;
	}

	/** A value a page was sent that the service refuses: the page says so instead of a server error. */
	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(InvalidInputException ex, Model model) {
		model.addAttribute("errorKind", "400");
		return ErrorPages.VIEW;
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ConflictException ex, Model model) {
		model.addAttribute("errorKind", "409");
		return ErrorPages.VIEW;
	}

	/** What the database refused (a race on a unique key, a value beyond its column) is the 409 or 400 page. */
	@ExceptionHandler
	ModelAndView refusedByTheDatabase(DataAccessException ex) throws DataAccessException {
		DatabaseRefusals.Refusal refusal = DatabaseRefusals.of(ex).orElseThrow(() -> ex);
		log.warn("Refused {}: {}", refusal.status().value(), refusal.detail());
		ModelAndView page = new ModelAndView(ErrorPages.VIEW);
		page.setStatus(refusal.status());
		page.addObject("errorKind", refusal.status() == HttpStatus.CONFLICT ? "409" : "400");
		return page;
	}

}
