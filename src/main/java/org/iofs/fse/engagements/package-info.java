/**
 * Engagements: the Secretariat's visits, missions, meetings, forums, signing ceremonies and calls with member states
 * and partners, what they were about (topics pointing at the platform's commodities, hubs, reserves, projects,
 * companies and release requests), who committed to what, memoranda of understanding, and the follow-up actions
 * with their owners and due dates, also as private calendar feeds. The Secretariat records and reads all; a
 * member's focal point reads what is shared with its member (never confidential minutes) and updates the actions it
 * owns; companies and visitors see none. Every change is audited.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "organisations", "identity",
				"reserves", "projects", "platform" })
package org.iofs.fse.engagements;
