package org.iofs.fse.trade.internal;

import org.springframework.context.ApplicationContext;

/** For tests that change offers or companies in the database, behind the platform's back: the board reads again. */
public final class KeptBoardAnswers {

	private KeptBoardAnswers() {
	}

	public static void forget(ApplicationContext context) {
		context.getBean(BoardAnswers.class).changed();
	}

}
