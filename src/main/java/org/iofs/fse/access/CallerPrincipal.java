package org.iofs.fse.access;

/** Implemented by whatever the security layer puts in the security context, so that policy code finds the caller. */
public interface CallerPrincipal {

	Caller caller();

}
