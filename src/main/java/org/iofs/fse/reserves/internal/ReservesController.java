package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reserve pages: the reserves, one reserve, one hub (stock, expiry, ledger), and the cockpit's Reserves tab. */
@Controller
class ReservesController {

	static final int LEDGER_PAGE = 25;

	private final ReserveSystems reserves;

	private final Hubs hubs;

	private final HubStock stock;

	private final Countries countries;

	private final Commodities commodities;

	private final StockLedger ledger;

	private final LotQuality lotQuality;

	private final AccessPolicy access;

	private final PhysicalCounts counts;

	private final Clock clock;

	private final ReleaseEffects effects;

	private final ReleaseReads releaseReads;

	ReservesController(ReserveSystems reserves, Hubs hubs, HubStock stock, Countries countries, Commodities commodities,
			StockLedger ledger, AccessPolicy access, PhysicalCounts counts, LotQuality lotQuality, Clock clock, ReleaseEffects effects, ReleaseReads releaseReads) {
		this.effects = effects;
		this.releaseReads = releaseReads;
		this.clock = clock;
		this.counts = counts;
		this.reserves = reserves;
		this.hubs = hubs;
		this.stock = stock;
		this.countries = countries;
		this.commodities = commodities;
		this.ledger = ledger;
		this.lotQuality = lotQuality;
		this.access = access;
	}

	@GetMapping("/reserves")
	String list(Model model) {
		model.addAttribute("reserves", reserves.all());
		model.addAttribute("hubs", hubs.all());
		indexes(model);
		return "reserves/list";
	}

	@GetMapping("/reserves/{code}")
	String reserve(@PathVariable String code, Model model, Locale locale) {
		ReserveSystems.Reserve reserve = reserves.get(code);
		model.addAttribute("reserve", reserve);
		Map<String, Country> byCode = countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		Comparator<Country> byName = Named.byName(locale);
		model.addAttribute("members", reserves.members(reserve.code()).stream()
			.sorted(Comparator.comparing(member -> byCode.get(member.country()), byName))
			.toList());
		model.addAttribute("hubTotals", reserves.hubs(reserve.code()));
		model.addAttribute("pledges", reserves.pledges(reserve.code(), null));
		model.addAttribute("leadTimes", reserves.leadTimes(reserve.code()));
		// Release requests are not public: their effects show to those who may read them (the reads filter).
		model.addAttribute("effects", CurrentCaller.get().isEmpty() ? List.of()
				: effects.of(releaseReads.delivered().stream()
					.filter(r -> r.reserve().equals(reserve.code()))
					.toList()));
		indexes(model);
		return "reserves/reserve";
	}

	@GetMapping("/hubs/{code}")
	String hub(@PathVariable String code, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long lot, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "0") int lots, @RequestParam(required = false) String done, Model model) {
		model.addAttribute("done", done == null || !(StockLedger.KINDS.contains(done) || done.equals("STATUS")) ? null : done);
		model.addAttribute("lotActions", LOT_ACTIONS);
		model.addAttribute("reasons", StockLedger.ADJUSTMENT_REASONS);
		model.addAttribute("allHubs", hubs.all());
		Hubs.Hub hub = hubs.get(code);
		HubStock.Stock held = stock.stock(hub.code(), lots, HubStock.LOT_PAGE);
		model.addAttribute("hub", hub);
		model.addAttribute("stock", held);
		model.addAttribute("alerts", stock.expiryAlerts(hub.code()));
		model.addAttribute("timeline", timeline(stock.expiryByMonth(hub.code())));
		model.addAttribute("lotsLink", "/hubs/" + hub.code());
		model.addAttribute("mayOperate", CurrentCaller.get()
			.map(c -> access.allows(c, Action.OPERATE_HUB, Scope.hub(hub.code())))
			.orElse(false));
		// Receipts and pickers take a commodity, never a food-balance group.
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
		model.addAttribute("grades", java.util.Arrays.stream(Grade.values()).map(Grade::name).toList());
		model.addAttribute("today", LocalDate.now(clock));
		boolean mayReadLedger = stock.mayReadLedger(hub.code());
		model.addAttribute("mayReadLedger", mayReadLedger);
		if (mayReadLedger) {
			String kindFilter = kind == null || kind.isBlank() ? null : kind.toUpperCase(Locale.ROOT);
			model.addAttribute("ledger", stock.ledger(hub.code(), kindFilter, lot, page, LEDGER_PAGE));
			model.addAttribute("kind", kindFilter);
			model.addAttribute("lot", lot);
			model.addAttribute("kinds", StockLedger.KINDS);
			model.addAttribute("link", "/hubs/" + hub.code() + "?kind=" + (kindFilter == null ? "" : kindFilter)
					+ (lot == null ? "" : "&lot=" + lot));
		}
		indexes(model);
		return "reserves/hub";
	}

	/** A hub operator receives a lot from the hub page. */
	@PostMapping("/hubs/{code}/receipts")
	String receive(@PathVariable String code, @RequestParam String commodity,
			@RequestParam(required = false) BigDecimal tonnes, @RequestParam(required = false) String grade,
			@RequestParam(required = false) Integer cropYear,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate intakeDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bestBefore,
			RedirectAttributes redirect) {
		try {
			Movement movement = ledger.receive(code, new StockLedger.Receipt(commodity, tonnes, grade, cropYear,
					intakeDate, bestBefore, null, null));
			return "redirect:/hubs/" + movement.hub() + "?done=RECEIPT";
		}
		catch (InvalidInputException ex) {
			return refused(code, Refusal.of(ex), redirect);
		}
	}

	/** A hub operator issues a commodity, picked first expiry first out, from the hub page. */
	@PostMapping("/hubs/{code}/issues")
	String issue(@PathVariable String code, @RequestParam String commodity,
			@RequestParam(required = false) BigDecimal tonnes, @RequestParam(required = false) String reference,
			RedirectAttributes redirect) {
		try {
			ledger.issueFefo(code, commodity, tonnes, reference);
			return "redirect:/hubs/" + hubs.get(code).code() + "?done=ISSUE";
		}
		catch (InvalidInputException ex) {
			return refused(code, Refusal.of(ex), redirect);
		}
		catch (ConflictException ex) {
			return refused(code, Refusal.of(ex), redirect);
		}
	}

	/**
	 * A refused action goes back to the hub page with its reason (post, redirect, get): reloading the page or
	 * switching its language never posts the form again nor lands on an address that only takes forms.
	 */
	private static String refused(String hub, Refusal reason, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", reason);
		return "redirect:/hubs/" + hub;
	}

	/** What an operator may do to one lot from the hub page. */
	static final List<String> LOT_ACTIONS = List.of("QUARANTINED", "AVAILABLE", "COMMITTED", "COUNT",
			"TRANSFER", "LOSS");

	@PostMapping("/hubs/{code}/lots")
	String lotAction(@PathVariable String code, @RequestParam(required = false) Long lot, @RequestParam String action,
			@RequestParam(required = false) BigDecimal tonnes, @RequestParam(required = false) String toHub,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			if (lot == null) {
				throw new InvalidInputException("lot", "is required");
			}
			String done = switch (action) {
				case "QUARANTINED", "AVAILABLE", "COMMITTED" -> {
					lotQuality.setStatus(code, lot, action, reason);
					yield "STATUS";
				}
				case "COUNT" -> {
					counts.record(code, lot, tonnes, reason);
					yield "COUNT";
				}
				case "TRANSFER" -> {
					ledger.transfer(code, lot, tonnes, toHub, null);
					yield "TRANSFER_OUT";
				}
				case "LOSS" -> {
					ledger.adjust(code, lot, tonnes, reason, true);
					yield "LOSS";
				}
				default -> throw new InvalidInputException("action", "must be one of " + LOT_ACTIONS);
			};
			return "redirect:/hubs/" + hubs.get(code).code() + "?done=" + done;
		}
		catch (InvalidInputException ex) {
			return refused(code, Refusal.of(ex), redirect);
		}
		catch (ConflictException ex) {
			return refused(code, Refusal.of(ex), redirect);
		}
	}

	@GetMapping("/countries/{iso3}/reserves")
	String countryTab(@PathVariable String iso3, Model model) {
		Country country = countries.get(iso3);
		model.addAttribute("country", country);
		model.addAttribute("memberOf", reserves.ofCountry(country.iso3()));
		model.addAttribute("hubs", hubs.ofCountry(country.iso3()));
		model.addAttribute("pledges", reserves.pledges(null, country.iso3()));
		indexes(model);
		return "reserves/tab :: tab";
	}

	/** Tonnes whose best-before date falls in each month, for the expiry timeline ("2027-03" to tonnes). */
	static String timeline(Map<String, BigDecimal> byMonth) {
		return byMonth.entrySet()
			.stream()
			.map(e -> "\"" + e.getKey() + "\":" + e.getValue().toPlainString())
			.collect(Collectors.joining(",", "{", "}"));
	}

	private void indexes(Model model) {
		model.addAttribute("countryIndex",
				countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a)));
	}

}
