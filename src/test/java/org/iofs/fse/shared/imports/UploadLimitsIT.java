package org.iofs.fse.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads cannot fill the server's disk: size limits enforced as bytes stream, temporary files always removed. */
class UploadLimitsIT extends PlatformIT {

	static final String HEADER = "Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,"
			+ "Year Code,Year,Unit,Value,Flag\r\n";

	@Test
	void aZipThatUnpacksFarBeyondItsSizeIsRefusedBeforeItFillsTheDisk() throws IOException {
		// 64 MB of one repeated line compresses to well under a hundredth of that: beyond 200 times the zip's size.
		byte[] line = "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1999,1999,1000 t,6347,A\r\n"
			.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
			zip.putNextEntry(new ZipEntry("FoodBalanceSheets_E_All_Data_(Normalized).csv"));
			zip.write(HEADER.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < (64 << 20) / line.length; i++) {
				zip.write(line);
			}
			zip.closeEntry();
		}

		HttpResponse<String> answer = http.postFile("/api/v1/imports/faostat", "bomb.zip", zipped.toByteArray(),
				"Authorization", bearer("t.analyst"));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(answer.body(), "$.message")).contains("unpacks to more than");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void aZipWithTooManyEntriesIsRefused() throws IOException {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
			for (int i = 0; i < 1001; i++) {
				zip.putNextEntry(new ZipEntry("readme-" + i + ".txt"));
				zip.closeEntry();
			}
		}

		HttpResponse<String> answer = http.postFile("/api/v1/imports/faostat", "many.zip", zipped.toByteArray(),
				"Authorization", bearer("t.analyst"));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(answer.body(), "$.message")).contains("more than 1000 entries");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void aFileLargerThanTheLimitIsRefusedAs413AndTheClientReadsWhy() {
		byte[] tooLarge = new byte[16 * 1024 * 1024 + 1];

		// Several times: the refusal comes before the upload is read, and the answer must reach the client each time
		// (Tomcat used to close the connection on the unread upload, and the client lost the answer).
		for (int attempt = 0; attempt < 5; attempt++) {
			HttpResponse<String> answer = http.postFile("/api/v1/imports/faostat", "large.csv", tooLarge,
					"Authorization", bearer("t.analyst"));

			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(answer.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
			assertThat((String) JsonPath.read(answer.body(), "$.detail")).contains("larger than this platform accepts");
		}
	}

	@Test
	void aFileLargerThanTheLimitSentFromAPageGetsThePageThatExplainsInTheReadersLanguage() {
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		analyst.get("/imports/faostat?lang=ar");
		byte[] tooLarge = new byte[16 * 1024 * 1024 + 1];

		for (int attempt = 0; attempt < 5; attempt++) {
			HttpResponse<String> answer = analyst.postFile("/imports/faostat", "large.csv", tooLarge,
					"/imports/faostat", "Accept", "text/html");

			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(answer.body()).contains("dir=\"rtl\"").contains("هذا الملف كبير جدًا").contains("id=\"user-menu\"")
				.doesNotContain("SizeLimitExceeded");
		}
	}

	@Test
	void aPlainFormLargerThanTomcatReadsGetsThePageThatSaysSo() {
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		analyst.get("/imports/faostat?lang=fr");

		// Tomcat reads a form of at most 2 MB; the CSRF check, which reads the form first, failed on a larger one.
		HttpResponse<String> answer = analyst.post("/countries/EGY/food-balance/entry",
				Map.of("note", "x".repeat(3 * 1024 * 1024)), "/imports/faostat", "Accept", "text/html");

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("Ce formulaire est trop volumineux").contains("id=\"user-menu\"");
	}

	private void assertNoTemporaryFilesLeft() throws IOException {
		Path folder = Path.of(System.getProperty("java.io.tmpdir"), "fse-platform",
				Long.toString(ProcessHandle.current().pid()));
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.noneMatch(name -> name.startsWith("fse-"));
		}
	}

}
