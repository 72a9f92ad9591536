package org.iofs.fse.home.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.OicGroup;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard map draws, in the reader's language: each member's shape name in the bundled world map, its
 * group, its capital (so that members too small for the map's shapes, such as the Maldives, still show) and the
 * link to its page. Served as JSON because the page's scripts may not be inline.
 */
@RestController
class MapDataController {

	private final Countries countries;

	private final MessageSource messages;

	private final Properties shapeNames;

	MapDataController(Countries countries, MessageSource messages) {
		this.countries = countries;
		this.messages = messages;
		this.shapeNames = loadShapeNames();
	}

	@GetMapping("/dashboard/map-data")
	MapData mapData(Locale locale) {
		List<MapData.Group> groups = Arrays.stream(OicGroup.values())
			.map(g -> new MapData.Group(g.name(), messages.getMessage(g.messageKey(), null, locale)))
			.toList();
		List<MapData.Member> members = countries.all()
			.stream()
			.map(c -> new MapData.Member(c.iso3(), shapeNames.getProperty(c.iso3(), c.names().en()), c.name(locale),
					c.oicGroup().name(), c.capital().longitude().doubleValue(), c.capital().latitude().doubleValue(),
					"/countries/" + c.iso3()))
			.toList();
		return new MapData(groups, members);
	}

	private static Properties loadShapeNames() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("maps/world-shape-names.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record MapData(List<Group> groups, List<Member> members) {

		record Group(String code, String label) {
		}

		record Member(String iso3, String shape, String name, String group, double lon, double lat, String url) {
		}

	}

}
