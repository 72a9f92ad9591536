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

	/** The rule a caller names, any case; a 400 naming the field otherwise. */
	static Incoterm parse(String given) {
		return java.util.Arrays.stream(values())
			.filter(i -> i.name().equalsIgnoreCase(java.util.Objects.toString(given, "").strip()))
			.findFirst()
			.orElseThrow(() -> new org.iofs.fse.shared.InvalidInputException("incoterm",
					"must be an Incoterms 2020 rule: " + java.util.Arrays.toString(values())));
	}

	/** A delivery window: both dates given, in order, and not over already. */
	static void checkWindow(java.time.LocalDate from, java.time.LocalDate until, java.time.LocalDate today) {
		if (from == null || until == null) {
			throw new org.iofs.fse.shared.InvalidInputException("deliveryFrom", "and deliveryUntil are required");
		}
		if (until.isBefore(from)) {
			throw new org.iofs.fse.shared.InvalidInputException("deliveryUntil", "may not be before deliveryFrom");
		}
		if (until.isBefore(today)) {
			throw new org.iofs.fse.shared.InvalidInputException("deliveryUntil", "is in the past");
		}
	}

}
