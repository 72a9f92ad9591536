package org.iofs.fse.shared.imports;

/** What to do with a file some of whose rows cannot be read: refuse the whole file, or import the rest. */
public enum ProblemPolicy {

	REJECT, SKIP

}
