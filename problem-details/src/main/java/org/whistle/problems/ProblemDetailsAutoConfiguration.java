package org.whistle.problems;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Makes every error a servlet service answers a problem detail, in the caller's language ({@link CallerLanguage}): {@link ProblemDetailsHandler} for what controllers
 * throw, {@link DataUnavailableHandler} for a database that cannot be reached, {@link ProblemErrorController} for {@code sendError} outside them (before Boot's own error controller, which
 * backs off), and {@link ProblemErrorReportValve} for what Tomcat refuses itself. Reactive ones (the gateway) render
 * their own.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
            // Its LocaleResolver backs off for ours.
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"
        })
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import({ProblemDetailsHandler.class, ProblemErrorController.class})
public class ProblemDetailsAutoConfiguration {

    /** The caller's language for every text the service renders: problem details and validation messages alike. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    CallerLanguage localeResolver() {
        return new CallerLanguage();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.dao.DataAccessException")
    @Import(DataUnavailableHandler.class)
    static class DataUnavailable {}

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReports {

        @Bean
        ProblemErrorReports problemErrorReports() {
            return new ProblemErrorReports();
        }
    }
}
