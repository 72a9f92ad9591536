package org.iofs.fse.rotation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.platform.DemoData;
import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.trade.ReserveSales;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With demo data on: each demo reserve's trading desk is the first verified demo company in one of its hubs'
 * member states, and one lot near expiry proposed for sale is on the board, so that a hub page shows a rotation
 * from the start. Marked by who did it ("demo").
 */
@Order(75)
@Component
class DemoRotation implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoRotation.class);

	/** A price near world levels for the demo's rotation sale, US$ a tonne. */
	static final BigDecimal DEMO_PRICE = new BigDecimal("210.00");

	private final JdbcClient jdbc;

	private final Rotations rotations;

	private final Hubs hubs;

	private final HubStock stock;

	private final ReserveSales sales;

	private final Clock clock;

	DemoRotation(JdbcClient jdbc, Rotations rotations, Hubs hubs, HubStock stock, ReserveSales sales, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.rotations = rotations;
		this.hubs = hubs;
		this.stock = stock;
		this.sales = sales;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM rotation.desk)").query(Boolean.class).single()) {
			return;
		}
		List<Hubs.Hub> demoHubs = hubs.all().stream().filter(h -> h.demo() && h.reserve() != null).toList();
		demoHubs.stream().map(Hubs.Hub::reserve).distinct().forEach(reserve -> demoHubs.stream()
			.filter(h -> reserve.equals(h.reserve()))
			.flatMap(h -> sales.verifiedCompaniesIn(h.country()).stream())
			.findFirst()
			.ifPresent(desk -> rotations.linkDeskAs(reserve, desk, "demo")));
		Optional<Rotations.Rotation> offered = demoHubs.stream()
			.flatMap(h -> stock.expiryAlerts(h.code()).stream().filter(a -> "SELL".equals(a.proposal())
					&& a.bestBefore().isAfter(LocalDate.now(clock).plusDays(Rotations.LEAVE_BEFORE_DAYS)))
				.map(a -> new Object[] { h, a }))
			.filter(pair -> rotations.hasDesk(((Hubs.Hub) pair[0]).code()))
			.findFirst()
			.map(pair -> rotations.offerAs((Hubs.Hub) pair[0], ((HubStock.ExpiryAlert) pair[1]).lotId(), DEMO_PRICE,
					"demo"));
		log.info("Demo data: reserve trading desks linked; {}", offered.map(r -> "lot " + r.lotId() + " of "
				+ r.hubCode() + " offered through IFPA").orElse("no lot near expiry to offer"));
	}

}
