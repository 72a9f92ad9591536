package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A table as a download, in CSV (UTF-8 with a byte-order mark, so spreadsheets read Arabic and accented names) or
 * XLSX (numbers stay numbers). Text that a spreadsheet would run as a formula is neutralised in CSV
 * ({@link SpreadsheetSafe}); XLSX cells are typed, so text stays text. Rows are written as they come; nothing is built in memory first.
 */
public final class TableDownload {

	public enum Format {

		CSV, XLSX

	}

	private TableDownload() {
	}

	public static Format format(String extension) {
		return "xlsx".equalsIgnoreCase(extension) ? Format.XLSX : Format.CSV;
	}

	public static ResponseEntity<StreamingResponseBody> of(String baseName, Format format, List<String> header,
			Iterable<List<Object>> rows) {
		String fileName = baseName + (format == Format.XLSX ? ".xlsx" : ".csv");
		MediaType type = format == Format.XLSX
				? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				: new MediaType("text", "csv", StandardCharsets.UTF_8);
		StreamingResponseBody body = out -> {
			if (format == Format.XLSX) {
				xlsx(out, header, rows);
			}
			else {
				csv(out, header, rows);
			}
		};
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private static void csv(OutputStream out, List<String> header, Iterable<List<Object>> rows) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(header.stream().map(SpreadsheetSafe::text).toList());
		for (List<Object> row : rows) {
			csv.writeRecord(row.stream().map(SpreadsheetSafe::cell).toList());
		}
		// The CSV writer buffers on its own: without this the last rows never leave it.
		csv.flush();
		writer.flush();
	}

	private static void xlsx(OutputStream out, List<String> header, Iterable<List<Object>> rows) throws IOException {
		Workbook workbook = new Workbook(out, "OIC Food Security Ecosystem", "1.0");
		Worksheet sheet = workbook.newWorksheet("data");
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
			sheet.style(0, c).bold().set();
		}
		int r = 1;
		for (List<Object> row : rows) {
			for (int c = 0; c < row.size(); c++) {
				Object value = row.get(c);
				if (value instanceof Number number) {
					sheet.value(r, c, number);
				}
				else if (value != null) {
					sheet.value(r, c, value.toString());
				}
			}
			r++;
		}
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
