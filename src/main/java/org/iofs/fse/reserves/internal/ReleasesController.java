package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.DraftDispatches;
import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The release request pages: the list (with the form a focal point drafts a request in) and one request with the
 * actions the reader may take at its stage. The service decides; the page only shows what it would allow.
 */
@Controller
class ReleasesController {

	private final Releases releases;

	private final ReleaseReads reads;

	private final ReserveSystems reserves;

	private final Hubs hubs;

	private final Countries countries;

	private final Commodities commodities;

	private final AccessPolicy access;

	private final DraftDispatches drafts;

	private final Clock clock;

	private final ReleaseProposals proposals;

	private final ReleaseEffects effects;

	ReleasesController(Releases releases, ReleaseReads reads, ReserveSystems reserves, Hubs hubs, Countries countries,
			Commodities commodities, AccessPolicy access, DraftDispatches drafts, Clock clock, ReleaseProposals proposals, ReleaseEffects effects) {
		this.effects = effects;
		this.proposals = proposals;
		this.clock = clock;
		this.drafts = drafts;
		this.releases = releases;
		this.reads = reads;
		this.reserves = reserves;
		this.hubs = hubs;
		this.countries = countries;
		this.commodities = commodities;
		this.access = access;
	}

	@GetMapping("/releases")
	String list(@RequestParam(required = false) String country, @RequestParam(required = false) String status,
			@RequestParam(required = false) String commodity, Model model) {
		Caller caller = signedIn();
		String own = caller.grants()
			.stream()
			.filter(g -> g.scope().type() == ScopeType.COUNTRY)
			.map(g -> g.scope().id())
			.findFirst()
			.orElse(null);
		String shown = country != null && !country.isBlank() ? country
				: access.allows(caller, Action.READ_ALL, Scope.GLOBAL) ? null : own;
		model.addAttribute("requests", reads.list(shown, status));
		model.addAttribute("proposals", shown == null ? List.of() : proposals.recent(shown));
		model.addAttribute("proposedCommodity", commodity);
		model.addAttribute("country", shown);
		model.addAttribute("status", status);
		model.addAttribute("ownCountry", own != null && access.allows(caller, Action.REQUEST_RELEASE, Scope.country(own))
				? own : null);
		model.addAttribute("memberOf", own == null ? List.of() : reserves.ofCountry(own));
		model.addAttribute("today", LocalDate.now(clock));
		indexes(model);
		return "reserves/releases";
	}

	/** The Secretariat proposes a release request to a member's focal points (after a price alert, say). */
	@GetMapping("/releases/proposals/new")
	String newProposal(@RequestParam String country, @RequestParam(required = false) String commodity, Model model) {
		access.require(Action.PUBLISH);
		model.addAttribute("country", countries.get(country));
		model.addAttribute("commodity", commodity);
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
		return "reserves/proposal";
	}

	@PostMapping("/releases/proposals")
	String propose(@RequestParam String country, @RequestParam String commodity, @RequestParam String reason) {
		ReleaseProposals.Proposal proposal = proposals.propose(country, commodity, reason);
		return "redirect:/releases?country=" + proposal.country() + "&proposed";
	}

	@PostMapping("/releases")
	String create(@RequestParam String country, @RequestParam String reserve, @RequestParam String commodity,
			@RequestParam(required = false) BigDecimal tonnes, @RequestParam String deliveryPoint,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate needBy,
			@RequestParam(required = false) Integer tier, @RequestParam(required = false) String payment,
			@RequestParam String justification, @RequestParam(defaultValue = "false") boolean localUsed,
			@RequestParam(defaultValue = "false") boolean nationalUsed, RedirectAttributes redirect) {
		try {
			Releases.Request created = releases.create(new Releases.NewRequest(country, reserve, commodity, tonnes,
					deliveryPoint, needBy, tier, payment, justification, localUsed, nationalUsed));
			return "redirect:/releases/" + created.id();
		}
		catch (InvalidInputException ex) {
			// Back to the list with the reason (post, redirect, get), so that a reload never posts again.
			redirect.addFlashAttribute("error", Refusal.of(ex));
			return "redirect:/releases";
		}
	}

	@GetMapping("/releases/{id}")
	String detail(@PathVariable long id, Model model) {
		Caller caller = signedIn();
		Releases.Detail detail = reads.detail(id);
		Releases.Request request = detail.request();
		model.addAttribute("detail", detail);
		model.addAttribute("drafts", drafts.of(id));
		model.addAttribute("mayRequest", access.allows(caller, Action.REQUEST_RELEASE, Scope.country(request.country())));
		model.addAttribute("mayDecide", access.allows(caller, Action.PUBLISH, Scope.GLOBAL));
		model.addAttribute("dispatchHubs", hubs.all()
			.stream()
			.filter(h -> request.reserve().equals(h.reserve()))
			.filter(h -> access.allows(caller, Action.OPERATE_HUB, Scope.hub(h.code())))
			.toList());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("effect", effects.of(request).orElse(null));
		indexes(model);
		return "reserves/release";
	}

	@PostMapping("/releases/{id}/{action:submit|assess|approve|reject|dispatch|deliver|close}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String hub, @RequestParam(required = false) String mode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate estimatedArrival,
			@RequestParam(required = false) BigDecimal receivedTonnes, @RequestParam(required = false) String condition,
			RedirectAttributes redirect) {
		signedIn();
		try {
			switch (action) {
				case "submit" -> releases.submit(id);
				case "assess" -> releases.assess(id, note);
				case "approve" -> releases.approve(id);
				case "reject" -> releases.reject(id, note);
				case "dispatch" -> releases.dispatch(id, new Releases.Dispatch(hub, mode, null, estimatedArrival));
				case "deliver" -> releases.deliver(id, new Releases.Delivery(receivedTonnes, condition));
				default -> releases.close(id);
			}
			return "redirect:/releases/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", Refusal.of(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", Refusal.of(ex));
		}
		// Back to the request with the reason (post, redirect, get), so that a reload never acts again.
		return "redirect:/releases/" + id;
	}

	/** Requests are for signed-in readers only: an anonymous reader signs in before learning whether one exists. */
	private Caller signedIn() {
		return CurrentCaller.get().orElseGet(() -> access.require(Action.READ_ALL));
	}

	private void indexes(Model model) {
		model.addAttribute("countryIndex",
				countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a)));
		model.addAttribute("hubIndex", hubs.byCode());
		model.addAttribute("reserveIndex",
				reserves.all().stream().collect(Collectors.toMap(ReserveSystems.Reserve::code, Function.identity())));
		// Pickers offer what can be requested or stored: commodities, never a food-balance group.
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
	}

}
