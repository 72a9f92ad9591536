package org.iofs.fse.foodbalance;

import org.iofs.fse.platform.PlatformMode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With demo data on, a first start fills the empty food balance database with generated sheets. */
@Component
class DemoDataOnStart {

	private final PlatformMode mode;

	private final DemoBalanceSheets demo;

	DemoDataOnStart(PlatformMode mode, DemoBalanceSheets demo) {
		this.mode = mode;
		this.demo = demo;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (mode.demoData()) {
			demo.ensure();
		}
	}

}
