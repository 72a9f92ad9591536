package org.iofs.fse.trade;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.trade.internal.KeptBoardAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's pages hold the matching open offers of verified companies, newest first (equal times by the later
 * offer first), whether few offers match or more than the count stops at (a page beyond the newest thousand reads
 * further): the same order and the same pages as the database's own ordering, a suspended
 * company's offers and expired offers left out, and a search no offer matches answered empty. A company is found by
 * its names as they are now, and a company suspended after publishing leaves the board until it is verified again.
 * The changes are made in the database (what its triggers keep is under test), so the board is told to read again.
 */
class BoardPagingIT extends PlatformIT {

	static final UUID VERIFIED = UUID.fromString("00000000-0000-0000-0000-00000000b0a1");

	static final UUID SUSPENDED = UUID.fromString("00000000-0000-0000-0000-00000000b0a2");

	@BeforeEach
	void companies() {
		company(VERIFIED, "VERIFIED", "Paging Probe Verified");
		company(SUSPENDED, "SUSPENDED", "Paging Probe Suspended");
	}

	@Test
	void fewMatchesArePagedNewestFirst() {
		offers("pagefewprobe", VERIFIED, 120, 10);
		offers("pagefewprobe", SUSPENDED, 10, 10);
		jdbc.sql("UPDATE trade.offer SET valid_until = current_date - 1 WHERE specification = 'pagefewprobe' "
				+ "AND company_id = :c AND id % 12 = 0").param("c", VERIFIED).update();
		KeptBoardAnswers.forget(context);
		List<Long> expected = expected("pagefewprobe");
		assertThat(expected).hasSizeBetween(100, 119);

		for (int page = 0; page < 3; page++) {
			String body = http.get("/api/v1/trade/offers?q=pagefewprobe&size=50&page=" + page).body();
			assertThat(((Number) JsonPath.read(body, "$.totalItems")).longValue()).isEqualTo(expected.size());
			assertThat(ids(body)).as("page %d", page)
				.containsExactlyElementsOf(expected.subList(Math.min(page * 50, expected.size()),
						Math.min(page * 50 + 50, expected.size())));
		}
		assertThat(ids(http.get("/api/v1/trade/offers?q=pagefewprobe&size=50&page=3").body())).isEmpty();
		String nothing = http.get("/api/v1/trade/offers?q=zzyzxnothingmatchesatall").body();
		assertThat(((Number) JsonPath.read(nothing, "$.totalItems")).longValue()).isZero();
		assertThat(ids(nothing)).isEmpty();
	}

	@Test
	void moreMatchesThanTheCountStopsAtArePagedNewestFirstToo() {
		offers("pagemanyprobe", VERIFIED, 1_100, 40);
		List<Long> expected = expected("pagemanyprobe");
		for (int page : new int[] { 0, 1, 7, 21 }) {
			String body = http.get("/api/v1/trade/offers?q=pagemanyprobe&size=50&page=" + page).body();
			assertThat(((Number) JsonPath.read(body, "$.totalItems")).longValue()).as("stops at the cap, plus one")
				.isEqualTo(1_001);
			assertThat(ids(body)).as("page %d", page)
				.containsExactlyElementsOf(expected.subList(page * 50, page * 50 + 50));
		}
		// A commodity's name: the offers of the commodities it names and those whose words hold it, as one board.
		List<Long> named = jdbc.sql("""
				SELECT o.id FROM trade.offer o JOIN trade.company c ON c.organisation_id = o.company_id
				WHERE c.kyc_status = 'VERIFIED' AND o.valid_until >= current_date
				  AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN')
				  AND ((o.search || coalesce(o.company_search, ''::tsvector)) @@ (websearch_to_tsquery('simple', 'sorghum')
				          || websearch_to_tsquery('english', 'sorghum') || websearch_to_tsquery('arabic', 'sorghum')
				          || websearch_to_tsquery('french', 'sorghum'))
				       OR o.commodity_code IN (SELECT code FROM commodities.commodity
				                               WHERE name_en ILIKE '%sorghum%' OR name_fr ILIKE '%sorghum%'))
				ORDER BY o.published_at DESC, o.id DESC
				""").query(Long.class).list();
		assertThat(named).hasSizeGreaterThan(1_100);
		for (int page : new int[] { 0, 1, 7, 21 }) {
			String body = http.get("/api/v1/trade/offers?q=sorghum&size=50&page=" + page).body();
			assertThat(ids(body)).as("sorghum, page %d", page)
				.containsExactlyElementsOf(named.subList(page * 50, page * 50 + 50));
		}
	}

	@Test
	void aCompanyIsFoundByItsNamesAsTheyAreNow() {
		UUID renamed = UUID.fromString("00000000-0000-0000-0000-00000000b0a3");
		company(renamed, "VERIFIED", "Quillworth Cereals");
		offers("pagerenameprobe", renamed, 3, 3);
		assertThat(ids(http.get("/api/v1/trade/offers?q=Quillworth").body())).hasSize(3);

		jdbc.sql("UPDATE trade.company SET legal_name_en = 'Brightwater Cereals', legal_name_ar = 'Brightwater',"
				+ " legal_name_fr = 'Céréales Brightwater'"
				+ " WHERE organisation_id = :id").param("id", renamed).update();
		KeptBoardAnswers.forget(context);
		assertThat(ids(http.get("/api/v1/trade/offers?q=Quillworth").body())).isEmpty();
		assertThat(ids(http.get("/api/v1/trade/offers?q=Brightwater").body())).hasSize(3);
		assertThat(ids(http.get("/api/v1/trade/offers?q=" + java.net.URLEncoder.encode("Céréales Brightwater",
				java.nio.charset.StandardCharsets.UTF_8)).body())).as("the French name").hasSize(3);
		assertThat(ids(http.get("/api/v1/trade/offers?q=Brightwater+pagerenameprobe").body()))
			.as("a word of the name and one of the offer together").hasSize(3);
	}

	@Test
	void aCompanySuspendedAfterPublishingLeavesTheBoardAndComesBackWhenVerifiedAgain() {
		UUID later = UUID.fromString("00000000-0000-0000-0000-00000000b0a4");
		company(later, "VERIFIED", "Paging Probe Later Suspended");
		offers("pagesuspendprobe", later, 4, 4);
		assertThat(ids(http.get("/api/v1/trade/offers?q=pagesuspendprobe").body())).hasSize(4);
		assertThat(ids(http.get("/api/v1/trade/offers?commodity=sorghum&side=SELL&incoterm=FOB&size=200").body()))
			.containsAll(expected("pagesuspendprobe"));

		status(later, "SUSPENDED");
		assertThat(ids(http.get("/api/v1/trade/offers?q=pagesuspendprobe").body())).isEmpty();
		assertThat(ids(http.get("/api/v1/trade/offers?commodity=sorghum&side=SELL&incoterm=FOB&size=200").body()))
			.as("the filtered board, read from its index").doesNotContainAnyElementsOf(jdbc.sql(
					"SELECT id FROM trade.offer WHERE specification = 'pagesuspendprobe'").query(Long.class).list());

		status(later, "VERIFIED");
		assertThat(ids(http.get("/api/v1/trade/offers?q=pagesuspendprobe").body())).hasSize(4);
	}

	private void status(UUID company, String status) {
		jdbc.sql("UPDATE trade.company SET kyc_status = :status WHERE organisation_id = :id").param("status", status)
			.param("id", company).update();
		KeptBoardAnswers.forget(context);
	}

	private void company(UUID id, String status, String name) {
		jdbc.sql("""
				INSERT INTO organisations.organisation (id, type, country_iso3, name_en, name_ar, name_fr)
				VALUES (:id, 'COMPANY', 'MYS', :name, :name, :name) ON CONFLICT (id) DO NOTHING
				""").param("id", id).param("name", name).update();
		jdbc.sql("""
				INSERT INTO trade.company (organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3,
				    registration_number, registry, kyc_status, verified_on)
				VALUES (:id, :name, :name, :name, 'MYS', :number, 'Registry', :status, current_date - 30)
				ON CONFLICT (organisation_id) DO NOTHING
				""").param("id", id).param("name", name).param("number", "PAGING-" + id).param("status", status)
			.update();
	}

	/** COUNT open offers whose published times repeat every {@code distinctTimes} offers. */
	private void offers(String word, UUID company, int count, int distinctTimes) {
		jdbc.sql("""
				INSERT INTO trade.offer (side, company_id, commodity_code, hs_code, grade, specification, quantity_tonnes,
				    open_tonnes, min_order_tonnes, price_per_tonne, currency, incoterm, incoterm_place, origin_iso3,
				    delivery_from, delivery_until, valid_until, status, created_by, published_at)
				SELECT 'SELL', :company, 'sorghum', '1007', 'GRADE_1', :word, 100, 100, 10, 250, 'USD', 'FOB',
				    'Port Klang', 'MYS', current_date + 20, current_date + 80, current_date + 30, 'PUBLISHED', 'test',
				    now() - make_interval(mins => n % :times)
				FROM generate_series(1, :count) n
				""").param("company", company).param("word", word).param("times", distinctTimes)
			.param("count", count).update();
		KeptBoardAnswers.forget(context);
	}

	private List<Long> expected(String word) {
		return jdbc.sql("""
				SELECT o.id FROM trade.offer o JOIN trade.company c ON c.organisation_id = o.company_id
				WHERE o.specification = :word AND c.kyc_status = 'VERIFIED' AND o.valid_until >= current_date
				  AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN')
				ORDER BY o.published_at DESC, o.id DESC
				""").param("word", word).query(Long.class).list();
	}

	private static List<Long> ids(String body) {
		List<Number> ids = JsonPath.read(body, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
