package org.iofs.fse.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account, on every instance: the sessions live in the shared database. */
@Component
class SessionTermination {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endAllOf(String username) {
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
	}

}
