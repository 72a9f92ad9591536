package org.iofs.fse.countries;

import org.iofs.fse.countries.internal.CountryRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.stereotype.Service;

/** The member states, for pages, the API and other modules. Reference data is public: no read needs a role. */
@Service
public class Countries {

	private final CountryRepository repository;

	Countries(CountryRepository repository) {
		this.repository = repository;
	}

	public List<Country> all() {
		return repository.findAll();
	}

	public List<Country> inGroup(OicGroup group) {
		return group == null ? all() : repository.findByGroup(group);
	}

	public Optional<Country> find(String iso3) {
		return isIso3(iso3) ? repository.findByIso3(iso3.toUpperCase(Locale.ROOT)) : Optional.empty();
	}

	/** The country with this code; a malformed code is invalid input, a well-formed unknown one is not found. */
	public Country get(String iso3) {
		if (!isIso3(iso3)) {
			throw new InvalidInputException("iso3", "must be three letters (ISO 3166-1 alpha-3), was '" + iso3 + "'");
		}
		return find(iso3).orElseThrow(() -> new NotFoundException("country", iso3.toUpperCase(Locale.ROOT)));
	}

	public Map<OicGroup, Long> countByGroup() {
		return all().stream().collect(Collectors.groupingBy(Country::oicGroup, Collectors.counting()));
	}

	public Map<IofsStatus, Long> countByIofsStatus() {
		return all().stream().collect(Collectors.groupingBy(Country::iofsStatus, Collectors.counting()));
	}

	public Optional<Instant> lastUpdated() {
		return repository.lastUpdated();
	}

	/** Names sort by the reader's alphabet: Arabic readers get Arabic order, French readers ignore accents. */
	public static Comparator<Country> byName(Locale locale) {
		return Named.byName(locale);
	}

	private static boolean isIso3(String code) {
		return code != null && code.matches("[A-Za-z]{3}");
	}

}
