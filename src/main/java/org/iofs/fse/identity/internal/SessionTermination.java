package org.iofs.fse.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account, on every instance: the sessions live in the shared database. Without a web
 * server (the command line) there is no session repository, and nothing to end from here.
 */
@Component
class SessionTermination {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SessionTermination(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void endAllOf(String username) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(username).keySet().forEach(repository::deleteById));
	}

}
