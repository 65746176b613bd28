package org.centralis.ticket.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.centralis.customer.application.CustomerRef;
import org.centralis.shared.security.Caller;

/**
 * A request that {@link TicketIntake} has checked and handed to {@link IntakeGroupCommit}: who logs it, what, for
 * which customer, and the answer the request thread waits for.
 */
record PendingTicket(Caller caller, LogRequest request, CustomerRef customer, CompletableFuture<TicketView> answer) {

  /** Long enough for a batch that waits on a row lock (LOCK_TIMEOUT 10 s) and is then written again ticket by ticket. */
  private static final long ANSWER_SECONDS = 60;

  PendingTicket(Caller caller, LogRequest request, CustomerRef customer) {
    this(caller, request, customer, new CompletableFuture<>());
  }

  /** The logged ticket, or the exception that refused it (an {@code InvalidInputException} stays one: a 400). */
  TicketView await() {
    try {
      return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("intake failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ticket was written", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the ticket was not written within " + ANSWER_SECONDS + " s", e);
    }
  }
}
