package org.iofs.fse.shared;

/** Distances over the earth's surface, on a sphere of the earth's mean radius (haversine formula). */
public final class GreatCircle {

	static final double EARTH_RADIUS_KM = 6371.0;

	private GreatCircle() {
	}

	/** The great-circle distance between two points given in degrees, in kilometres. */
	public static double km(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return EARTH_RADIUS_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
