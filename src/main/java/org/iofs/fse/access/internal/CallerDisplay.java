package org.iofs.fse.access.internal;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.springframework.stereotype.Component;

/** What templates show of the signed-in reader ({@code @caller}); empty for a visitor. */
@Component("caller")
public class CallerDisplay {

	public String displayName() {
		return CurrentCaller.get().map(Caller::displayName).orElse("");
	}

}
