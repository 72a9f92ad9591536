/** The platform's clock: today in the Secretariat's time zone. */
package org.iofs.fse.shared.time;
