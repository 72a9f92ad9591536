package org.iofs.fse.shared.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an iterator (a CSV reader's records) on a thread of its own, a few thousand items ahead of the caller, so
 * that splitting a large file's lines into fields and checking the rows they hold take two cores rather than one.
 * Items come in the order the source gives them; what the source throws is thrown to the caller at that point.
 * Close it when done, whether or not every item was read: that stops the reading thread.
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

	private static final int BATCH = 2_000;

	/** Ends the batches: a batch holding only this. */
	private static final Object END = new Object();

	private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(4);

	private final Thread reader;

	private volatile boolean closed;

	private List<T> batch = List.of();

	private int next;

	private boolean ended;

	public ReadAhead(Iterator<T> source, String threadName) {
		this.reader = new Thread(() -> read(source), threadName);
		reader.setDaemon(true);
		reader.start();
	}

	private void read(Iterator<T> source) {
		Object last = END;
		try {
			List<T> filling = new ArrayList<>(BATCH);
			while (!closed && source.hasNext()) {
				filling.add(source.next());
				if (filling.size() == BATCH) {
					put(filling);
					filling = new ArrayList<>(BATCH);
				}
			}
			if (!filling.isEmpty()) {
				put(filling);
			}
		}
		catch (RuntimeException | Error ex) {
			last = ex;
		}
		catch (InterruptedException ex) {
			return;
		}
		try {
			put(last);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void put(Object item) throws InterruptedException {
		while (!closed) {
			if (batches.offer(item, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
	}

	@Override
	public boolean hasNext() {
		while (next == batch.size()) {
			if (ended) {
				return false;
			}
			Object taken = take();
			if (taken == END) {
				ended = true;
				return false;
			}
			if (taken instanceof RuntimeException ex) {
				throw ex;
			}
			if (taken instanceof Error error) {
				throw error;
			}
			@SuppressWarnings("unchecked")
			List<T> items = (List<T>) taken;
			batch = items;
			next = 0;
		}
		return true;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return batch.get(next++);
	}

	private Object take() {
		try {
			return batches.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("interrupted while reading", ex));
		}
	}

	@Override
	public void close() {
		closed = true;
		reader.interrupt();
		try {
			reader.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
