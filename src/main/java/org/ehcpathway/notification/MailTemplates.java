package org.ehcpathway.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The text of every notice and email: Thymeleaf TEXT templates in {@code templates/mail/{name}.txt} on the
 * classpath. Its own engine, not Spring Boot's HTML one; templates are cached after the first use.
 */
@Component
public class MailTemplates {

  private final TemplateEngine engine;

  public MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine templates = new SpringTemplateEngine();
    templates.setTemplateResolver(resolver);
    this.engine = templates;
  }

  /** Renders {@code templates/mail/{name}.txt} with these variables, in British English. */
  public String render(String name, Map<String, ?> variables) {
    Context context = new Context(Locale.UK);
    variables.forEach(context::setVariable);
    return engine.process(name, context);
  }
}
