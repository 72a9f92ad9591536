package org.iofs.fse.commodities;

import org.iofs.fse.commodities.internal.CommodityRepository;
import org.iofs.fse.commodities.internal.FaostatDomain;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.stereotype.Service;

/** The commodity catalogue, for pages, the API and other modules. Reference data is public. */
@Service
public class Commodities {

	private static final String CODE_PATTERN = "[a-z][a-z_]{1,39}";

	private final CommodityRepository repository;

	Commodities(CommodityRepository repository) {
		this.repository = repository;
	}

	public List<Commodity> all() {
		return repository.findAll();
	}

	public List<Commodity> ofKind(CommodityKind kind) {
		return all().stream().filter(c -> c.kind() == kind).toList();
	}

	public Optional<Commodity> find(String code) {
		String normalized = normalize(code);
		return normalized.matches(CODE_PATTERN) ? repository.findByCode(normalized) : Optional.empty();
	}

	/** The commodity with this code; a malformed code is invalid input, a well-formed unknown one is not found. */
	public Commodity get(String code) {
		String normalized = normalize(code);
		if (!normalized.matches(CODE_PATTERN)) {
			throw new InvalidInputException("code",
					"must be lower-case letters and underscores, 2 to 40 characters, was '" + code + "'");
		}
		return repository.findByCode(normalized).orElseThrow(() -> new NotFoundException("commodity", normalized));
	}

	/**
	 * A commodity that can be stored, released, pledged or traded: a food-balance group (cereals, say) is refused,
	 * naming the field, since stock is always of one of its commodities.
	 */
	public Commodity tradable(String code, String field) {
		Commodity commodity = get(code);
		if (commodity.kind() == CommodityKind.GROUP) {
			throw new InvalidInputException(field, "'" + commodity.code() + "' is a food-balance group, not a "
					+ "commodity: choose one of its commodities (" + String.join(", ",
							membersOf(commodity.code()).stream().map(Commodity::code).toList()) + ")");
		}
		return commodity;
	}

	/** The commodity a FAOSTAT item code stands for, for example FBS 2805 or 2807 for rice. */
	public Optional<Commodity> byFaostatItem(FaostatDomain domain, int itemCode) {
		return repository.findByFaostatItem(domain, itemCode);
	}

	/** The commodities a food-balance group sums, for example the cereals. */
	public List<Commodity> membersOf(String groupCode) {
		return all().stream().filter(c -> groupCode.equals(c.foodGroup())).toList();
	}

	public Optional<Instant> lastUpdated() {
		return repository.lastUpdated();
	}

	private static String normalize(String code) {
		return code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
	}

}
