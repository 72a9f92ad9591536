package org.iofs.fse.shared.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), built in memory and sent
 * in blocks. Binary rather than CSV where rows carry arrays of numbers: the server then reads each number as it is
 * stored instead of parsing its text, several times faster for the millions of array elements of a price import.
 * A row starts with {@link #row(int)}, followed by exactly that many fields; an array is one field, its elements
 * written between {@link #beginArray(int, int)} and {@link #endArray()} with the same methods as fields.
 */
public final class BinaryRows {

	/** Type ids of the elements an array may hold (pg_type.oid; the server refuses an array of another type). */
	public static final int INT8 = 20;

	public static final int TEXT = 25;

	public static final int BOOL = 16;

	public static final int INT2 = 21;

	public static final int FLOAT8 = 701;

	public static final int DATE = 1082;

	public static final int NUMERIC = 1700;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's day zero. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private static final int NUMERIC_NEGATIVE = 0x4000;

	private byte[] bytes;

	private int size;

	/** Where the open array's length and null flag go, once known. */
	private int arrayStart = -1;

	private boolean arrayHasNull;

	public BinaryRows(int capacity) {
		bytes = new byte[Math.max(capacity, 64)];
		put(SIGNATURE);
		int4(0); // flags
		int4(0); // header extension
	}

	public BinaryRows row(int fields) {
		int2(fields);
		return this;
	}

	public BinaryRows nul() {
		if (arrayStart >= 0) {
			arrayHasNull = true;
		}
		int4(-1);
		return this;
	}

	public BinaryRows int8(long value) {
		int4(8);
		long8(value);
		return this;
	}

	public BinaryRows smallint(short value) {
		int4(2);
		int2(value);
		return this;
	}

	public BinaryRows float8(double value) {
		int4(8);
		long8(Double.doubleToLongBits(value));
		return this;
	}

	public BinaryRows bool(boolean value) {
		int4(1);
		ensure(1);
		bytes[size++] = (byte) (value ? 1 : 0);
		return this;
	}

	public BinaryRows date(LocalDate date) {
		int4(4);
		int4((int) (date.toEpochDay() - POSTGRES_EPOCH_DAY));
		return this;
	}

	public BinaryRows text(String text) {
		if (text == null) {
			return nul();
		}
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		int4(utf8.length);
		put(utf8);
		return this;
	}

	/**
	 * A numeric with four decimals, given as its value times 10,000 (numeric(18,4) holds at most 10^18 of them, within
	 * a long). Written as PostgreSQL stores it: base-10,000 digits, the last one the four decimals.
	 */
	public BinaryRows numeric4(long scaled) {
		long magnitude = Math.abs(scaled);
		long integer = magnitude / 10_000;
		int fraction = (int) (magnitude % 10_000);
		int integerDigits = 0;
		for (long rest = integer; rest > 0; rest /= 10_000) {
			integerDigits++;
		}
		int digits = magnitude == 0 ? 0 : integerDigits + 1;
		int4(8 + 2 * digits);
		int2(digits);
		int2(magnitude == 0 ? 0 : integerDigits - 1); // weight: the first digit's power of 10,000
		int2(scaled < 0 ? NUMERIC_NEGATIVE : 0);
		int2(4); // display scale
		ensure(2 * digits);
		int position = size + 2 * integerDigits;
		for (long rest = integer; rest > 0; rest /= 10_000) {
			position -= 2;
			short digit = (short) (rest % 10_000);
			bytes[position] = (byte) (digit >>> 8);
			bytes[position + 1] = (byte) digit;
		}
		size += 2 * integerDigits;
		if (digits > 0) {
			int2(fraction);
		}
		return this;
	}

	/** Starts a one-dimensional array field of the given element type and length; its elements follow. */
	public BinaryRows beginArray(int elementType, int length) {
		if (arrayStart >= 0) {
			throw new IllegalStateException("arrays do not nest here");
		}
		arrayStart = size;
		arrayHasNull = false;
		int4(0); // the field's length, written by endArray
		int4(1); // dimensions
		int4(0); // whether an element is null, written by endArray
		int4(elementType);
		int4(length);
		int4(1); // lower bound
		return this;
	}

	public BinaryRows endArray() {
		int length = size - arrayStart - 4;
		putInt(arrayStart, length);
		putInt(arrayStart + 8, arrayHasNull ? 1 : 0);
		arrayStart = -1;
		return this;
	}

	/** The bytes so far, with the trailer; nothing may be added after. */
	public byte[] finish() {
		int2(-1);
		return Arrays.copyOf(bytes, size);
	}

	/** Bytes held and not yet sent. */
	public int size() {
		return size;
	}

	/** The bytes held so far (whole rows), which it then forgets: a block for a {@link CopySender}. */
	public byte[] takeBlock() {
		byte[] block = Arrays.copyOf(bytes, size);
		size = 0;
		return block;
	}

	/** The last block, with the trailer; nothing may be added after. */
	public byte[] takeLastBlock() {
		int2(-1);
		return takeBlock();
	}

	private void int2(int value) {
		ensure(2);
		bytes[size++] = (byte) (value >>> 8);
		bytes[size++] = (byte) value;
	}

	private void int4(int value) {
		ensure(4);
		putInt(size, value);
		size += 4;
	}

	private void long8(long value) {
		int4((int) (value >>> 32));
		int4((int) value);
	}

	private void putInt(int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

	private void put(byte[] source) {
		ensure(source.length);
		System.arraycopy(source, 0, bytes, size, source.length);
		size += source.length;
	}

	private void ensure(int more) {
		if (size + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
		}
	}

}
