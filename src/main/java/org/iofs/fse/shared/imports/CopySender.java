package org.iofs.fse.shared.imports;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.copy.CopyIn;

/**
 * Sends the blocks of a COPY from a thread of its own, so that the caller builds the next block while the database
 * takes the last one (two cores do both at once). The COPY's connection is the sender's until {@link #finish()} or
 * {@link #close()}.
 */
public final class CopySender implements AutoCloseable {

	private final CopyIn copy;

	/** Blocks waiting to be sent; an empty block ends them. */
	private final BlockingQueue<byte[]> outgoing = new ArrayBlockingQueue<>(2);

	private final Thread sender;

	private volatile Throwable failure;

	public CopySender(CopyIn copy) {
		this.copy = copy;
		this.sender = new Thread(this::run, "copy-sender");
		sender.setDaemon(true);
		sender.start();
	}

	private void run() {
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
			failure = ex;
		}
	}

	/** Hands a block over; it must not change afterwards. */
	public void send(byte[] bytes) {
		if (bytes.length == 0) {
			return;
		}
		failIfSendingFailed();
		hand(bytes);
	}

	/** Waits for the blocks handed over, then ends the COPY; returns the rows copied. */
	public long finish() throws SQLException {
		hand(new byte[0]);
		join();
		failIfSendingFailed();
		return copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (sender.isAlive()) {
			sender.interrupt();
			join();
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

	private void join() {
		try {
			sender.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("COPY interrupted", ex);
		}
	}

	private void failIfSendingFailed() {
		if (failure != null) {
			throw new IllegalStateException("COPY failed: " + failure.getMessage(), failure);
		}
	}

}
