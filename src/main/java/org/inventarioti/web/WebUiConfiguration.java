package org.inventarioti.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The browser UI's shared settings: Spanish by default, English on request ({@code ?lang=en},
 * remembered in a cookie; a cookie that is not a locale is ignored), and {@code Vary: HX-Request} because one URL answers a whole page or
 * its htmx fragment. A domain exception a page lets through becomes its status on the error page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebUiConfiguration implements WebMvcConfigurer {

    static final Locale ESPANOL = Locale.forLanguageTag("es");
    static final List<Locale> IDIOMAS = List.of(ESPANOL, Locale.ENGLISH);
    static final String PARAMETRO_IDIOMA = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("INVENTARIO_IDIOMA");
        resolver.setDefaultLocale(ESPANOL);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String idioma = request.getParameter(PARAMETRO_IDIOMA);
                IDIOMAS.stream()
                        .filter(locale -> locale.getLanguage().equals(idioma))
                        .findFirst()
                        .ifPresent(locale -> {
                            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                            if (resolver != null) {
                                resolver.setLocale(request, response, locale);
                            }
                        });
                response.addHeader("Vary", "HX-Request");
                return true;
            }
        });
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(new DomainExceptionResolver());
    }
}
