package org.iofs.fse.access;

import org.springframework.stereotype.Component;

/** What templates show of the signed-in reader ({@code @caller}); empty for a visitor. */
@Component("caller")
public class CallerDisplay {

	public String displayName() {
		return CurrentCaller.get().map(Caller::displayName).orElse("");
	}

}
