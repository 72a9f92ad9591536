package org.iofs.fse.access;

import java.io.Serializable;
import java.util.Objects;

/** A role held in a scope: "focal point for Yemen", "operator of hub DXB-1". */
public record Grant(Role role, Scope scope) implements Serializable {

	public Grant {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(scope, "scope");
		if (scope.type() != role.scopeType()) {
			throw new IllegalArgumentException(role + " is granted in a " + role.scopeType() + " scope, not " + scope.type());
		}
	}

	public static Grant global(Role role) {
		return new Grant(role, Scope.GLOBAL);
	}

}
