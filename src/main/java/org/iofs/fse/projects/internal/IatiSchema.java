package org.iofs.fse.projects.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import org.iofs.fse.shared.InvalidInputException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.function.ThrowingSupplier;

/**
 * The official IATI 2.03 activity schema, kept under {@code iati/} on the class path with the files it includes and
 * imports, so that nothing is fetched: an incoming file is validated whole against it, then read (no document type
 * declarations, secure processing), or refused naming its line.
 */
@Component
class IatiSchema {

	/** Read on first use: compiling the schema and its includes takes about 0.1 s of every start otherwise. */
	private final SingletonSupplier<Schema> schema = SingletonSupplier.of(ThrowingSupplier.of(IatiSchema::loadSchema));

	/** The file validated against the schema, then parsed; refused naming the file and line when invalid. */
	Document read(String name, byte[] xml) {
		validate(name, xml);
		return parse(name, xml);
	}

	private void validate(String name, byte[] xml) {
		try {
			Validator validator = schema.obtain().newValidator();
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXParseException ex) {
			throw new InvalidInputException("file", name + " line " + ex.getLineNumber() + ": not valid IATI 2.03: "
					+ ex.getMessage());
		}
		catch (SAXException | IOException ex) {
			throw new InvalidInputException("file", name + ": not valid IATI 2.03: " + ex.getMessage());
		}
	}

	private static Document parse(String name, byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new InvalidInputException("file", name + ": cannot be read as XML: " + ex.getMessage());
		}
	}

	/** The schema from the class path, its include and import resolved there too: no network, ever. */
	private static Schema loadSchema() throws SAXException, IOException {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setResourceResolver(new ClassPathSchemas());
		try (InputStream main = new ClassPathResource("iati/iati-activities-schema.xsd").getInputStream()) {
			return factory.newSchema(new StreamSource(main, "iati/iati-activities-schema.xsd"));
		}
	}

	/** Resolves the schema's include and import by file name from the class path's {@code iati/} folder. */
	private static final class ClassPathSchemas implements LSResourceResolver {

		private static final Set<String> KNOWN = Set.of("iati-common.xsd", "xml.xsd");

		@Override
		public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
			String file = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
			if (!KNOWN.contains(file)) {
				return null;
			}
			try {
				byte[] bytes = new ClassPathResource("iati/" + file).getContentAsByteArray();
				return new Input(publicId, "iati/" + file, bytes);
			}
			catch (IOException ex) {
				throw new IllegalStateException("iati/" + file + " is missing from the class path", ex);
			}
		}

	}

	private record Input(String publicId, String systemId, byte[] bytes) implements LSInput {

		@Override
		public java.io.Reader getCharacterStream() {
			return null;
		}

		@Override
		public void setCharacterStream(java.io.Reader characterStream) {
		}

		@Override
		public InputStream getByteStream() {
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public void setByteStream(InputStream byteStream) {
		}

		@Override
		public String getStringData() {
			return null;
		}

		@Override
		public void setStringData(String stringData) {
		}

		@Override
		public String getSystemId() {
			return systemId;
		}

		@Override
		public void setSystemId(String systemId) {
		}

		@Override
		public String getPublicId() {
			return publicId;
		}

		@Override
		public void setPublicId(String publicId) {
		}

		@Override
		public String getBaseURI() {
			return null;
		}

		@Override
		public void setBaseURI(String baseURI) {
		}

		@Override
		public String getEncoding() {
			return null;
		}

		@Override
		public void setEncoding(String encoding) {
		}

		@Override
		public boolean getCertifiedText() {
			return false;
		}

		@Override
		public void setCertifiedText(boolean certifiedText) {
		}

	}

}
