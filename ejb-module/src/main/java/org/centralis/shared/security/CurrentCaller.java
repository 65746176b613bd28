package org.centralis.shared.security;

/** Port: resolves the caller of the current request (implemented by the organization context). */
public interface CurrentCaller {

  Caller get();
}
