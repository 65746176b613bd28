package org.centralis.shared.infrastructure.persistence;

/**
 * The query hint for a JPQL query that compares a boolean attribute ({@code active = TRUE}): its values are written into
 * the SQL instead of bound. Booleans live in {@code NUMBER(1)} columns (Oracle has no boolean column before 23ai), and
 * EclipseLink's Oracle platform binds {@code TRUE} as a JDBC boolean. H2 refuses a NUMBER compared with a value it knows
 * to be boolean when it prepares a statement (90110 "NUMERIC(1) and BOOLEAN are not comparable"); a parameter is
 * unknown when the statement is first prepared, which is why this works almost always, but H2 sometimes prepares it
 * again with the value bound (its stack shows {@code recompileIfRequired}) and then fails: seen about once in a few
 * thousand dispatches, and on a second node. Written into the SQL, the literal is the platform's {@code 1} or
 * {@code 0}, which both Oracle and H2 compare with a number.
 */
public final class BooleanLiterals {

  /** EclipseLink's {@code QueryHints.BIND_PARAMETERS}, without a compile-time dependency on EclipseLink. */
  public static final String HINT = "eclipselink.jdbc.bind-parameters";

  /** The hint's value: write the parameters into the SQL. */
  public static final String INLINE = "false";

  private BooleanLiterals() {}
}
