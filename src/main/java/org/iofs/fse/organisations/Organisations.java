package org.iofs.fse.organisations;

import org.iofs.fse.organisations.internal.Organisation;
import org.iofs.fse.organisations.internal.OrganisationRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations for other modules, pages and the API. Reading needs READ_ALL; changing needs an administrator. */
@Service
public class Organisations {

	/** The IOFS Secretariat always exists: the first administrator belongs to it. */
	public static final UUID SECRETARIAT = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private final OrganisationRepository repository;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	Organisations(OrganisationRepository repository, AccessPolicy access, AuditTrail audit, Countries countries) {
		this.repository = repository;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
	}

	@Transactional(readOnly = true)
	public List<Organisation> all() {
		access.require(Action.READ_ALL);
		return repository.findAll();
	}

	/** Every organisation's name by its id, for pages that name the organisations of many rows. */
	@Transactional(readOnly = true)
	public java.util.Map<String, org.iofs.fse.shared.Named> namesById() {
		java.util.Map<String, org.iofs.fse.shared.Named> names = new java.util.HashMap<>();
		all().forEach(organisation -> names.put(organisation.id().toString(), organisation));
		return names;
	}

	/** The ids of every organisation of a type; for start-up and demo code, done as the platform. */
	@Transactional(readOnly = true)
	public List<UUID> idsOfType(OrganisationType type) {
		return repository.findAll().stream().filter(o -> o.type() == type).map(o -> o.id()).toList();
	}

	/**
	 * The names of the financial institutions, by id: public, since a buyer chooses among them and a term sheet
	 * names its financier.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, org.iofs.fse.shared.Named> financialInstitutions() {
		java.util.Map<String, org.iofs.fse.shared.Named> names = new java.util.LinkedHashMap<>();
		repository.findAll().stream().filter(o -> o.type() == OrganisationType.FINANCIAL_INSTITUTION)
			.forEach(o -> names.put(o.id().toString(), o));
		return names;
	}

	/** One organisation's names in three languages, if it exists (names are not secret: they head its pages). */
	@Transactional(readOnly = true)
	public Optional<org.iofs.fse.shared.Named> nameOf(UUID id) {
		return repository.findById(id).map(org.iofs.fse.shared.Named.class::cast);
	}

	/** What kind of organisation an id names, if any: for modules that act for companies or partners. */
	public Optional<OrganisationType> typeOf(UUID id) {
		return repository.findById(id).map(organisation -> organisation.type());
	}

	/** For code that already checked its caller (an account's own organisation, say). */
	public Optional<Organisation> find(UUID id) {
		return repository.findById(id);
	}

	@Transactional(readOnly = true)
	public Organisation get(UUID id) {
		access.require(Action.READ_ALL);
		return repository.findById(id).orElseThrow(() -> new NotFoundException("organisation", id.toString()));
	}

	/** For pages that check their caller before validating a form. */
	public void requireAdministrator() {
		access.require(Action.ADMINISTER_ACCOUNTS);
	}

	@Transactional
	public Organisation create(NewOrganisation request) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		return insert(UUID.randomUUID(), request);
	}

	/** Creates the organisation unless one with this id exists; for start-up and demo data, done as the platform. */
	@Transactional
	public Organisation ensure(UUID id, NewOrganisation request) {
		return repository.findById(id).orElseGet(() -> insert(id, request));
	}

	/** The IOFS Secretariat, created on first start: the first administrator belongs to it. */
	@Transactional
	public Organisation ensureSecretariat() {
		return ensure(SECRETARIAT, new NewOrganisation(OrganisationType.IOFS_SECRETARIAT, null, "IOFS Secretariat",
				"الأمانة العامة للمنظمة الإسلامية للأمن الغذائي", "Secrétariat de l'OISA"));
	}

	private Organisation insert(UUID id, NewOrganisation request) {
		String country = request.countryIso3() == null ? null : countries.find(request.countryIso3())
			.orElseThrow(() -> new InvalidInputException("countryIso3", "is not an OIC member state"))
			.iso3();
		Organisation organisation = new Organisation(id, request.type(), country,
				new LocalizedText(request.nameEn().trim(), request.nameAr().trim(), request.nameFr().trim()));
		try {
			repository.insert(organisation);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("nameEn", "an organisation with this English name exists");
		}
		audit.record("organisation.created", "organisation", id, null, organisation);
		return organisation;
	}


}
