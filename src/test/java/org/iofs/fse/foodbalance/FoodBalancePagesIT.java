package org.iofs.fse.foodbalance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;
import org.iofs.fse.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class FoodBalancePagesIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	WebSession analyst;

	@BeforeEach
	void signIn() {
		new TestAccounts(context).ensureStandardCallers();
		analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
	}

	@Test
	void anAnalystUploadsTheSampleInThePageAndReadsItsReport() throws IOException {
		HttpResponse<String> page = analyst.get("/imports/faostat?lang=fr");
		HttpResponse<String> report = analyst.postFile("/imports/faostat", "sample.csv",
				Files.readAllBytes(FaostatImportIT.SAMPLE), "/imports/faostat");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"import-form\"").contains("id=\"import-progress\"")
			.contains("name=\"progressId\"");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("id=\"import-outcome\"").contains("id=\"import-runs\"").contains("sample.csv");
	}

	@Test
	void theCommodityPageRanksMembersAndTablesDownload() throws IOException {
		new Http(port).postFile("/api/v1/imports/faostat", "sample.csv", Files.readAllBytes(FaostatImportIT.SAMPLE),
				"Authorization", "Bearer " + TestAccounts.token(new Http(port), "t.analyst"));
		WebSession visitor = new WebSession(port);

		String overview = visitor.get("/commodities/wheat/self-sufficiency?year=2014&lang=en").body();
		HttpResponse<String> csv = visitor.get("/countries/EGY/food-balance.csv?year=2014");
		HttpResponse<String> xlsx = visitor.get("/countries/EGY/food-balance.xlsx?year=2014");
		HttpResponse<String> ranking = visitor.get("/commodities/wheat/self-sufficiency.csv?year=2014");

		assertThat(overview).contains("id=\"ssr-map\"").contains("id=\"ranking-producers\"");
		assertThat(overview.indexOf("data-iso3=\"EGY\"")).isPositive();
		assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFiso3,year,item_code,item").contains("EGY,2014,2511,Wheat and products,wheat,5511,Production,8804");
		assertThat(xlsx.headers().firstValue("Content-Disposition")).get().asString().contains("food-balance-EGY-2014.xlsx");
		assertThat(xlsx.body()).startsWith("PK");
		assertThat(ranking.body()).contains("EGY,Egypt,2014,8804");
	}

	@Test
	void theCountryTabShowsTheSheetWithItsChecks() throws IOException {
		new Http(port).postFile("/api/v1/imports/faostat", "sample.csv", Files.readAllBytes(FaostatImportIT.SAMPLE),
				"Authorization", "Bearer " + TestAccounts.token(new Http(port), "t.analyst"));

		String tab = new WebSession(port).get("/countries/EGY/food-balance?year=2014&lang=en").body();

		assertThat(tab).contains("id=\"sheet-table\"").contains("data-item=\"2511\"").contains("Wheat")
			.contains("8,804").contains("data-check=\"supply\"").contains("data-year=\"2018\"");
		String series = new WebSession(port).get("/countries/EGY/food-balance/series?commodity=wheat&lang=fr").body();
		assertThat(series).contains("2014,2015,2016,2017,2018]").contains("Production").contains("Importations")
			.contains("8804");
		assertThat(tab).contains("id=\"balance-chart\"").contains("id=\"series-commodity\"");
		assertThat(new WebSession(port).get("/countries/MDV/food-balance?lang=ar").body())
			.contains("الميزان الغذائي").doesNotContain("sheet-table");
	}

}
