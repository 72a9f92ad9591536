package org.iofs.fse.trade.internal;

/**
 * The eleven Incoterms 2020 rules (ICC). Seven fit any mode of transport; four (FAS, FOB, CFR, CIF) sea and inland
 * waterway only, where the named place is a port. Every offer, quote and deal names one with its place.
 */
public enum Incoterm {

	EXW(false), FCA(false), CPT(false), CIP(false), DAP(false), DPU(false), DDP(false),
	FAS(true), FOB(true), CFR(true), CIF(true);

	private final boolean seaOnly;

	Incoterm(boolean seaOnly) {
		this.seaOnly = seaOnly;
	}

	public boolean seaOnly() {
		return seaOnly;
	}

}
