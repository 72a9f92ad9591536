package org.iofs.fse.notifications.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.identity.Members;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Tells people: those a listener chose (by role), and those who subscribed to news of this kind, member state and
 * commodity and may read it. Each notice reaches the inbox at once; its e-mail goes at once, or waits for the daily
 * digest when every subscription of the person that matches asks for the digest.
 */
@Component
class Notifier {

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final Members members;

	private final JdbcClient jdbc;

	private final Commodities commodities;

	private final Countries countries;

	Notifier(Inbox inbox, MailOutbox outbox, Members members, JdbcClient jdbc, Commodities commodities,
			Countries countries) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.members = members;
		this.jdbc = jdbc;
		this.commodities = commodities;
		this.countries = countries;
	}

	/** Tells the people chosen, and no one else. */
	void tell(List<Member> people, Notice notice) {
		if (inbox.deliver(people, notice, Set.of()) > 0) {
			outbox.sendPending();
		}
	}

	/** Tells the people chosen and the subscribers who may read it, each once, at once or in the daily digest. */
	void tell(List<Member> people, Notice notice, About about) {
		Map<UUID, Member> everyone = new LinkedHashMap<>();
		people.forEach(m -> everyone.put(m.account(), m));
		Map<UUID, Boolean> digestOnly = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT account_id, bool_and(delivery = 'DAILY_DIGEST') AS digest FROM notifications.subscription
				WHERE kind = :kind AND (country_iso3 IS NULL OR country_iso3 = ANY (CAST(:countries AS text[])))
				  AND (commodity_code IS NULL OR commodity_code = :commodity)
				GROUP BY account_id
				""").param("kind", about.kind().name()).param("countries", about.countries().toArray(String[]::new))
			.param("commodity", about.commodity())
			.query((rs, row) -> digestOnly.put(rs.getObject(1, UUID.class), rs.getBoolean(2))).list();
		for (UUID account : digestOnly.keySet()) {
			if (!everyone.containsKey(account) && members.callerOf(account).filter(about.mayRead()).isPresent()) {
				members.member(account).ifPresent(m -> everyone.put(account, m));
			}
		}
		Set<UUID> digest = new HashSet<>();
		digestOnly.forEach((account, only) -> {
			if (only && everyone.containsKey(account)) {
				digest.add(account);
			}
		});
		if (inbox.deliver(new ArrayList<>(everyone.values()), notice, digest) > 0) {
			outbox.sendPending();
		}
	}

	LocalizedText commodity(String code) {
		return commodities.find(code).map(c -> c.names()).orElse(same(code));
	}

	LocalizedText country(String iso3) {
		return countries.find(iso3).map(c -> c.names()).orElse(same(iso3));
	}

}
