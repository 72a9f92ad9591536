package org.iofs.fse.platform;

/**
 * A module's generated demo content. With demo data on, each is asked once the platform is ready to fill its part
 * of an empty database; it does nothing when its data is already there (demo or real).
 */
public interface DemoData {

	void ensure();

}
