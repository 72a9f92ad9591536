package org.iofs.fse.platform.internal;

import org.iofs.fse.platform.DemoData;
import org.iofs.fse.platform.PlatformMode;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With demo data on, a first start asks every module's {@link DemoData} to fill its empty tables. */
@Component
class DemoDataOnStart {

	private final PlatformMode mode;

	private final List<DemoData> demos;

	DemoDataOnStart(PlatformMode mode, List<DemoData> demos) {
		this.mode = mode;
		this.demos = demos;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (mode.demoData()) {
			demos.forEach(DemoData::ensure);
		}
	}

}
