package org.iofs.fse.platform;

/**
 * A module that keeps data of its users (balances, prices, stock), answering from its own tables whether it holds
 * any: a restore refuses to replace such data unless asked to.
 */
public interface HoldsData {

	boolean holdsData();

}
