package org.iofs.fse.access;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Where an action applies: everywhere, or one country, hub or organisation. */
public record Scope(ScopeType type, String id) implements Serializable {

	public static final Scope GLOBAL = new Scope(ScopeType.GLOBAL, "");

	public Scope {
		Objects.requireNonNull(type, "type");
		id = id == null ? "" : id.trim();
		if (type == ScopeType.GLOBAL && !id.isEmpty()) {
			throw new IllegalArgumentException("A global scope has no id");
		}
		if (type != ScopeType.GLOBAL && id.isEmpty()) {
			throw new IllegalArgumentException("A " + type + " scope needs an id");
		}
	}

	public static Scope country(String iso3) {
		return new Scope(ScopeType.COUNTRY, iso3.toUpperCase(Locale.ROOT));
	}

	public static Scope hub(String code) {
		return new Scope(ScopeType.HUB, code);
	}

	public static Scope organisation(UUID id) {
		return new Scope(ScopeType.ORGANISATION, id.toString());
	}

	@Override
	public String toString() {
		return type == ScopeType.GLOBAL ? "GLOBAL" : type + ":" + id;
	}

}
