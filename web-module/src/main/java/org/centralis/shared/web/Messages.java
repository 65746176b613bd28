package org.centralis.shared.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.domain.CentralisException;
import org.centralis.shared.domain.InvalidInputException;

/**
 * Translated FacesMessages from the {@code org.centralis.i18n.messages} bundle, and the one place
 * that turns a service exception into what a person reads: a business error by its stable code
 * ({@code error.<code>}), a refused call as "not allowed", a Bean Validation failure as one message
 * per field. A field message goes to the input whose id is the field's name, when the view has one.
 */
public final class Messages {

  public static final String BUNDLE = "org.centralis.i18n.messages";

  /** Session attribute holding the {@link Locale} the person chose for this session. */
  public static final String LOCALE_ATTRIBUTE = "centralis.locale";

  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  private Messages() {}

  /** The text of {@code key} in the current view's language, with {@code {0}}-style arguments. */
  public static String text(String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale()).getString(key);
    } catch (MissingResourceException e) {
      return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
  }

  /** The text of {@code key} when the bundle has it, else {@code fallback}. */
  public static String textOr(String key, String fallback) {
    try {
      return ResourceBundle.getBundle(BUNDLE, locale()).getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }

  /**
   * The session's language (see {@link #LOCALE_ATTRIBUTE}), Simplified Chinese by default. Not the
   * view root's locale: before the view is rendered (view actions, @PostConstruct) that one still
   * follows the browser's Accept-Language.
   */
  public static Locale locale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    Object chosen = fc == null ? null : fc.getExternalContext().getSessionMap().get(LOCALE_ATTRIBUTE);
    return chosen instanceof Locale l ? l : Locale.SIMPLIFIED_CHINESE;
  }

  /** True when the current view is shown in English (for names kept in two languages). */
  public static boolean english() {
    return "en".equals(locale().getLanguage());
  }

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, key, args);
  }

  public static void warn(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_WARN, key, args);
  }

  public static void error(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /** Keeps the message across a redirect (flash scope). */
  public static void keep() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
    String summary = text(key, args);
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, null));
  }

  /**
   * Shows what went wrong in a service call. Unknown failures are logged with their stack trace and
   * shown as a generic error, never with technical detail.
   */
  public static void handle(Throwable failure) {
    FacesContext fc = FacesContext.getCurrentInstance();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CentralisException ce) {
        String field = ce instanceof InvalidInputException ie ? ie.field() : null;
        String text = textOr("error." + ce.code(), null);
        if (text == null) {
          text = text("error.unexpected");
          LOG.log(Level.WARNING, "no message for error code " + ce.code(), ce);
        } else if (ce.arguments().length > 0) {
          text = new MessageFormat(text, locale()).format(ce.arguments());
        }
        addForField(fc, field, text);
        return;
      }
      if (t instanceof EJBAccessException) {
        error("error.not-allowed");
        return;
      }
      if (t instanceof ConstraintViolationException cve) {
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
          String field = leaf(v.getPropertyPath());
          addForField(fc, field, violationText(field, v));
        }
        fc.validationFailed();
        return;
      }
    }
    LOG.log(Level.SEVERE, "unexpected failure in a page action", failure);
    error("error.unexpected");
  }

  private static String violationText(String field, ConstraintViolation<?> v) {
    String label = field == null ? "" : textOr("field." + field, field);
    String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    String pattern = textOr("validation." + constraint, null);
    if (pattern == null) {
      return label.isEmpty() ? v.getMessage() : label + ": " + v.getMessage();
    }
    Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
    return new MessageFormat(pattern, locale())
        .format(new Object[] {label, attributes.getOrDefault("min", attributes.get("value")), attributes.get("max")});
  }

  private static String leaf(Path path) {
    String name = null;
    for (Path.Node node : path) {
      // Method parameters are named arg0, arg1... without -parameters: no field to point at.
      if (node.getName() != null) {
        name = node.getName().matches("arg\\d+") ? null : node.getName();
      }
    }
    return name;
  }

  /** Attaches the message to the input whose id is {@code field}, or shows it globally. */
  private static void addForField(FacesContext fc, String field, String text) {
    FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    UIComponent input = field == null ? null : findInput(fc, field);
    if (input == null) {
      fc.addMessage(null, message);
      return;
    }
    if (input instanceof UIInput in) {
      in.setValid(false);
    }
    fc.addMessage(input.getClientId(fc), message);
  }

  private static UIComponent findInput(FacesContext fc, String id) {
    UIComponent[] found = new UIComponent[1];
    fc.getViewRoot()
        .visitTree(
            VisitContext.createVisitContext(fc),
            (context, target) -> {
              if (target instanceof UIInput && id.equals(target.getId())) {
                found[0] = target;
                return VisitResult.COMPLETE;
              }
              return VisitResult.ACCEPT;
            });
    return found[0];
  }
}
