package org.iofs.fse.allocation.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads the allocation solver runs on: platform threads, as many as the machine has cores, whichever thread
 * asks for the plan; solves beyond that many wait their turn.
 * <p>
 * Why: requests may run on virtual threads ({@code RequestThreads}, {@code fse.web.threads.virtual}), which as many
 * carrier threads as there are cores take turns to run, and a solve in OR-Tools' native code would keep its carrier
 * for up to its time limit: two at once would leave no carrier for any other request on a two-core machine. On a
 * thread of its own the solve runs beside the requests, and a virtual thread that asked for it waits without keeping
 * a carrier. On platform request threads it bounds the solves run at once all the same.
 */
@Component
class SolverThreads implements DisposableBean {

	private final AtomicInteger started = new AtomicInteger();

	private final ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			task -> {
				Thread thread = new Thread(task, "allocation-solver-" + started.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});

	/** Runs the solve on a solver thread and waits for it; what the solve throws is thrown here. */
	<T> T run(Supplier<T> solve) {
		Future<T> result = threads.submit(solve::get);
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the allocation solver ran", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}

}
