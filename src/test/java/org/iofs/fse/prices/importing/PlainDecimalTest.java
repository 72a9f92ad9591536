package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reading of a file's numbers gives what BigDecimal gives, or leaves the number to it. */
class PlainDecimalTest {

	@Test
	void plainNumbersReadAsBigDecimalReadsThem() {
		for (String text : List.of("0", "7", "007", "1.", ".5", "12.50", "-3.25", "123456789012345678",
				"99999999999999.9999", "0.0001", "-0.5")) {
			assertThat(WfpRows.plainDecimal(text)).as(text).isEqualTo(new BigDecimal(text));
		}
	}

	@Test
	void anythingElseIsLeftToBigDecimal() {
		for (String text : List.of("-", ".", "1.2.3", "1e5", "+5", "12a", "1234567890123456789", "1,5", " 1")) {
			assertThat(WfpRows.plainDecimal(text)).as(text).isNull();
		}
	}

}
