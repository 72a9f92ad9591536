package org.iofs.fse.shared.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes CSV rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)} on a given connection (the
 * transaction's own, so that what is copied and what is merged are seen alike), in blocks of about 1 MB. Fields
 * are appended one by one; {@link #endRow()} ends a row.
 */
public final class CopyWriter implements AutoCloseable {

	private static final int BLOCK = 1 << 20;

	private final CopyIn copy;

	private final StringBuilder block = new StringBuilder(BLOCK + 1024);

	private boolean rowStarted;

	/** Blocks sent by the sending thread, when there is one; an empty block ends them. */
	private final BlockingQueue<byte[]> outgoing;

	private final Thread sender;

	private volatile Throwable sendFailure;

	/** @param copySql a {@code COPY table (columns) FROM STDIN (FORMAT csv)} statement */
	public CopyWriter(Connection connection, String copySql) throws SQLException {
		this(connection, copySql, false);
	}

	/**
	 * @param alongside whether blocks are sent by a thread of their own, so that the caller reads and checks the
	 *        next rows while the database takes the last ones (two cores do both at once); the connection is then
	 *        the sender's until {@link #finish()} or {@link #close()}
	 */
	public CopyWriter(Connection connection, String copySql, boolean alongside) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
		this.outgoing = alongside ? new ArrayBlockingQueue<>(2) : null;
		this.sender = alongside ? new Thread(this::send, "copy-sender") : null;
		if (sender != null) {
			sender.setDaemon(true);
			sender.start();
		}
	}

	private void send() {
		try {
			while (true) {
				byte[] bytes = outgoing.take();
				if (bytes.length == 0) {
					return;
				}
				copy.writeToCopy(bytes, 0, bytes.length);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (SQLException | RuntimeException ex) {
			sendFailure = ex;
		}
	}

	/** A field written as is: numbers, dates, codes that hold no comma, quote or line break. */
	public CopyWriter raw(Object value) {
		separate();
		if (value != null) {
			block.append(value);
		}
		return this;
	}

	public CopyWriter number(BigDecimal value) {
		return raw(value == null ? null : value.toPlainString());
	}

	/** A text field, quoted; null is SQL NULL, the empty string stays an empty string. */
	public CopyWriter text(String text) {
		separate();
		if (text != null) {
			block.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		return this;
	}

	/** The builder to write one field's characters into directly (for array literals); call {@link #field()} first. */
	public StringBuilder field() {
		separate();
		return block;
	}

	public void endRow() {
		block.append('\n');
		rowStarted = false;
		if (block.length() >= BLOCK) {
			flush();
		}
	}

	/** Sends what is left and ends the COPY. */
	public void finish() throws SQLException {
		flush();
		if (sender != null) {
			hand(new byte[0]);
			joinSender();
			failIfSendingFailed();
		}
		copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (sender != null && sender.isAlive()) {
			sender.interrupt();
			joinSender();
		}
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void hand(byte[] bytes) {
		try {
			while (!outgoing.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
				failIfSendingFailed();
				if (!sender.isAlive()) {
					throw new IllegalStateException("COPY failed: the sending thread stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("COPY interrupted", ex);
		}
	}

	private void joinSender() {
		try {
			sender.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("COPY interrupted", ex);
		}
	}

	private void failIfSendingFailed() {
		if (sendFailure != null) {
			throw new IllegalStateException("COPY failed: " + sendFailure.getMessage(), sendFailure);
		}
	}

	private void separate() {
		if (rowStarted) {
			block.append(',');
		}
		rowStarted = true;
	}

	private void flush() {
		if (block.isEmpty()) {
			return;
		}
		byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
		block.setLength(0);
		if (sender != null) {
			failIfSendingFailed();
			hand(bytes);
			return;
		}
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

}
